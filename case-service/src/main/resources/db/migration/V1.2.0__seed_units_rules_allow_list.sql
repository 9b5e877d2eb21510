-- Seed data: the police units of the provinces named in the directives (Đắk Lắk 66, which Phú Yên
-- joined; Khánh Hòa 56, which Ninh Thuận joined) and the ministry departments, the routing rules,
-- and the allow-list. All of it is data: operators change it through /api/v1/admin.
-- Province and commune codes: General Statistics Office codes in force since 1 July 2025
-- (decisions 915/CTK-CSCL and 1027/CTK-CSCL of 2025), as compiled in the public VietnamProvinces
-- data set, data version 2026-02-21 (copied from shared/data/vn-admin-units-2025.json).

INSERT INTO police_unit (code, name, level, parent_code, path, province_code, commune_code) VALUES
 ('BCA',     'Bộ Công an', 'MINISTRY', NULL, '/BCA/', NULL, NULL),
 ('A05',     'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)', 'MINISTRY', 'BCA', '/BCA/A05/', NULL, NULL),
 ('C02',     'Cục Cảnh sát hình sự (C02)', 'MINISTRY', 'BCA', '/BCA/C02/', NULL, NULL),
 ('CAT-66',  'Công an tỉnh Đắk Lắk', 'PROVINCE', 'BCA', '/BCA/CAT-66/', '66', NULL),
 ('PA05-66', 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh Đắk Lắk', 'PROVINCE', 'CAT-66', '/BCA/CAT-66/PA05-66/', '66', NULL),
 ('PC02-66', 'Phòng Cảnh sát hình sự, Công an tỉnh Đắk Lắk', 'PROVINCE', 'CAT-66', '/BCA/CAT-66/PC02-66/', '66', NULL),
 ('CAX-24133', 'Công an phường Buôn Ma Thuột', 'COMMUNE', 'CAT-66', '/BCA/CAT-66/CAX-24133/', '66', '24133'),
 ('CAX-24121', 'Công an phường Tân Lập', 'COMMUNE', 'CAT-66', '/BCA/CAT-66/CAX-24121/', '66', '24121'),
 ('CAX-24305', 'Công an phường Buôn Hồ', 'COMMUNE', 'CAT-66', '/BCA/CAT-66/CAX-24305/', '66', '24305'),
 ('CAX-22015', 'Công an phường Tuy Hòa', 'COMMUNE', 'CAT-66', '/BCA/CAT-66/CAX-22015/', '66', '22015'),
 ('CAX-24373', 'Công an xã Ea Kar', 'COMMUNE', 'CAT-66', '/BCA/CAT-66/CAX-24373/', '66', '24373'),
 ('CAT-56',  'Công an tỉnh Khánh Hòa', 'PROVINCE', 'BCA', '/BCA/CAT-56/', '56', NULL),
 ('PA05-56', 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh Khánh Hòa', 'PROVINCE', 'CAT-56', '/BCA/CAT-56/PA05-56/', '56', NULL),
 ('PC02-56', 'Phòng Cảnh sát hình sự, Công an tỉnh Khánh Hòa', 'PROVINCE', 'CAT-56', '/BCA/CAT-56/PC02-56/', '56', NULL),
 ('CAX-22366', 'Công an phường Nha Trang', 'COMMUNE', 'CAT-56', '/BCA/CAT-56/CAX-22366/', '56', '22366'),
 ('CAX-22333', 'Công an phường Bắc Nha Trang', 'COMMUNE', 'CAT-56', '/BCA/CAT-56/CAX-22333/', '56', '22333'),
 ('CAX-22420', 'Công an phường Cam Ranh', 'COMMUNE', 'CAT-56', '/BCA/CAT-56/CAX-22420/', '56', '22420'),
 ('CAX-22759', 'Công an phường Phan Rang', 'COMMUNE', 'CAT-56', '/BCA/CAT-56/CAX-22759/', '56', '22759'),
 ('CAX-22651', 'Công an xã Diên Khánh', 'COMMUNE', 'CAT-56', '/BCA/CAT-56/CAX-22651/', '56', '22651');

-- Ordered rules: the first active rule whose conditions all hold and whose target unit exists wins.
INSERT INTO routing_rule (id, position, description, scam_types, min_total_loss_vnd, max_total_loss_vnd,
                          min_victims, min_provinces, foreign_identifier, crypto_wallet, target_unit) VALUES
 ('R-MULTI-PROVINCE', 10, 'Victims in two or more provinces: the ministry''s cyber-crime department',
  NULL, NULL, NULL, NULL, 2, NULL, NULL, 'A05'),
 ('R-MASS-VICTIMS', 20, 'Twenty or more victims: the ministry''s cyber-crime department',
  NULL, NULL, NULL, 20, NULL, NULL, NULL, 'A05'),
 ('R-FOREIGN', 30, 'A phone number from abroad (VoIP/OTT calls): the province''s cyber division',
  NULL, NULL, NULL, NULL, NULL, TRUE, NULL, 'PA05-{province}'),
 ('R-CRYPTO', 40, 'A crypto wallet: the province''s cyber division',
  NULL, NULL, NULL, NULL, NULL, NULL, TRUE, 'PA05-{province}'),
 ('R-LARGE-LOSS', 50, 'Losses of 100 million dong or more: the province''s cyber division',
  NULL, 100000000, NULL, NULL, NULL, NULL, NULL, 'PA05-{province}'),
 ('R-MULE-ACCOUNTS', 60, 'Renting or selling bank accounts, loan apps: the province''s criminal police',
  'ACCOUNT_RENTAL_SALE,LOAN_APP', NULL, NULL, NULL, NULL, NULL, NULL, 'PC02-{province}'),
 ('R-SMALL-LOCAL', 70, 'Losses under 20 million dong in one commune: the commune police',
  NULL, NULL, 20000000, NULL, NULL, NULL, NULL, 'CAX-{commune}'),
 ('R-PROVINCE', 80, 'Anything else in a seeded province: the province''s cyber division',
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'PA05-{province}'),
 ('R-FALLBACK', 1000, 'A province without seeded units: the ministry''s cyber-crime department',
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'A05');

-- Official numbers and banks' own domains: victims name them because scammers impersonate them.
-- They never link cases and are never alerted. Numbers in the forms intake may canonicalise them to.
INSERT INTO allow_listed_identifier (type, value, note) VALUES
 ('PHONE', '113', 'Police emergency'), ('PHONE', '+84113', 'Police emergency'),
 ('PHONE', '114', 'Fire and rescue'), ('PHONE', '+84114', 'Fire and rescue'),
 ('PHONE', '115', 'Ambulance'), ('PHONE', '+84115', 'Ambulance'),
 ('PHONE', '111', 'Child protection hotline'), ('PHONE', '+84111', 'Child protection hotline'),
 ('PHONE', '156', 'Spam call reports'), ('PHONE', '+84156', 'Spam call reports'),
 ('PHONE', '1900545413', 'Vietcombank hotline'), ('PHONE', '+841900545413', 'Vietcombank hotline'),
 ('PHONE', '19009247', 'BIDV hotline'), ('PHONE', '+8419009247', 'BIDV hotline'),
 ('PHONE', '1900558868', 'VietinBank hotline'), ('PHONE', '+841900558868', 'VietinBank hotline'),
 ('PHONE', '1900558818', 'Agribank hotline'), ('PHONE', '+841900558818', 'Agribank hotline'),
 ('PHONE', '1800588822', 'Techcombank hotline'), ('PHONE', '+841800588822', 'Techcombank hotline'),
 ('PHONE', '1900545426', 'MB hotline'), ('PHONE', '+841900545426', 'MB hotline'),
 ('DOMAIN', 'vietcombank.com.vn', 'Vietcombank'), ('DOMAIN', 'bidv.com.vn', 'BIDV'),
 ('DOMAIN', 'vietinbank.vn', 'VietinBank'), ('DOMAIN', 'agribank.com.vn', 'Agribank'),
 ('DOMAIN', 'techcombank.com', 'Techcombank'), ('DOMAIN', 'mbbank.com.vn', 'MB'),
 ('DOMAIN', 'sbv.gov.vn', 'State Bank of Viet Nam'), ('DOMAIN', 'bocongan.gov.vn', 'Ministry of Public Security'),
 ('DOMAIN', 'dichvucong.gov.vn', 'National public services portal'), ('DOMAIN', 'chinhphu.vn', 'Government portal');
