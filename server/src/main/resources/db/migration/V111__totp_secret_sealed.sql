-- TOTP secrets are stored sealed with the server's secret key (AES-GCM, as plugins' secrets; ADR 0023, ADR 0024):
-- a sealed value is longer than the 32-character Base32 secret. SET DATA TYPE is understood by H2 and PostgreSQL.
ALTER TABLE user_totp ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
