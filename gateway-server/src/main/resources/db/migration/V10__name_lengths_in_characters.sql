-- A merchant's name is at most 200 characters (Unicode code points), as the API says. PostgreSQL
-- counts VARCHAR lengths in characters, but H2 counts UTF-16 units, where a character outside
-- the BMP (an emoji, many CJK names) takes two: 200 such characters need 400. The card holder's
-- name (at most 100 characters) already fits its VARCHAR(200) either way.
ALTER TABLE merchants ALTER COLUMN name SET DATA TYPE VARCHAR(400);
