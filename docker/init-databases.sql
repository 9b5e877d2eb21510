-- One database per service: no service reads another's tables.
CREATE DATABASE intake OWNER fraudtip;
CREATE DATABASE cases OWNER fraudtip;
CREATE DATABASE notification OWNER fraudtip;
