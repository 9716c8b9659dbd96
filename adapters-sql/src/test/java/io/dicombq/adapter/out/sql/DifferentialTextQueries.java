package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * The differential suite's queries for the string, bytes, encoding, hash, FORMAT and regular-expression functions
 * (BigQuery docs: string functions, hash functions, FORMAT): literal edge cases, NULLs, errors, and the table's STRING
 * columns ("O'Brien", "Zoë", "" and NULL among them).
 */
final class DifferentialTextQueries {
    private DifferentialTextQueries() {
    }

    static List<String> queries(String t) {
        String names = "PatientID AS id_, PatientName.Alphabetic.FamilyName AS f, PatientName.Alphabetic.GivenName AS g";
        return List.of(
                // LPAD, RPAD
                "SELECT LPAD('abc', 5), LPAD('abc', 2), LPAD('abc', 8, 'xy'), LPAD('例子', 4, 'é'), LPAD(b'abc', 5, b'\\x00'), LPAD(b'abc', 5)",
                "SELECT LPAD('', 3, 'ab'), RPAD('abc', 7, 'xy'), RPAD('abc', 2), RPAD(b'a', 3, b'xy'), LPAD(NULL, 2), RPAD('a', NULL)",
                "SELECT LPAD('abc', -1)",
                "SELECT RPAD('abc', 5, '')",
                "SELECT LENGTH(LPAD('a', 1048576))",
                "SELECT LENGTH(RPAD('é', 1048576))",
                "SELECT id, LPAD(PatientID, 7, '0'), RPAD(PatientName.Alphabetic.GivenName, 6, '.'), LPAD(PatientName.Alphabetic.FamilyName, 3) FROM " + t,
                // STRPOS, INSTR
                "SELECT STRPOS('hello', 'l'), STRPOS('hello', ''), STRPOS('', ''), STRPOS('héllo', 'l'), STRPOS(b'\\x01\\x02', b'\\x02'), STRPOS('x', 'y')",
                "SELECT INSTR('banana', 'ana', 1, 2), INSTR('banana', 'an', -1), INSTR('banana', 'an', -1, 2), INSTR('banana', 'an', 3), INSTR('banana', '', 2), INSTR('banana','a', 10), INSTR('banana','a',-10)",
                "SELECT INSTR('banana', '', -1), INSTR('banana', '', 7), INSTR('banana', '', 8), INSTR('', '', 1), INSTR('banana','',-1,2), INSTR('aaa','',1,2)",
                "SELECT INSTR('banana','an',-3), INSTR('banana','na',-1), INSTR('banana','na',-2), INSTR('banana','',-7), INSTR('banana','',-8), INSTR('banana','ana',-1,2), INSTR(b'abab', b'b', 1, 2)",
                "SELECT INSTR('banana', 'a', 0)",
                "SELECT INSTR('banana', 'a', 1, 0)",
                "SELECT id, STRPOS(PatientName.Alphabetic.FamilyName, 'e'), INSTR(PatientName.Alphabetic.GivenName, 'o', -1), INSTR(PatientID, '0', 1, 2) FROM " + t,
                // LEFT, RIGHT, REVERSE, REPEAT
                "SELECT LEFT('hello', 2), LEFT('hello', 0), LEFT('hé', 10), RIGHT('hello', 2), RIGHT(b'abc', 1), LEFT(b'abc', 2), RIGHT('例子é', 2)",
                "SELECT LEFT('hello', -1)",
                "SELECT RIGHT(b'abc', -1)",
                "SELECT REVERSE('abc'), REVERSE('例子é'), REVERSE(b'abc'), REPEAT('ab', 3), REPEAT('ab', 0), REPEAT(b'a', 2), REPEAT('', 5), REPEAT(NULL, 2)",
                "SELECT REPEAT('a', -1)",
                "SELECT LENGTH(REPEAT('é', 600000))",
                "SELECT id, LEFT(PatientName.Alphabetic.GivenName, 2), RIGHT(PatientName.Alphabetic.FamilyName, 3), REVERSE(PatientName.Alphabetic.GivenName), REPEAT(PatientID, 2) FROM " + t,
                // INITCAP, lengths, TRIM with characters
                "SELECT INITCAP('hello wORLD-foo_bar'), INITCAP('hello world', ' '), INITCAP('one,two three', ','), INITCAP('ñandú élan'), INITCAP('', ''), INITCAP('abc abc', '')",
                "SELECT INITCAP('a\\tb\\nc'), INITCAP('ß'), INITCAP('ǆabc'), INITCAP('AbC', 'b'), INITCAP('123abc'), INITCAP(\"it's o'brien\"), INITCAP('x=y'), INITCAP(NULL), INITCAP('a', NULL)",
                "SELECT id, INITCAP(PatientName.Alphabetic.FamilyName), INITCAP(LOWER(PatientName.Alphabetic.GivenName), 'o') FROM " + t,
                "SELECT BYTE_LENGTH('héllo'), OCTET_LENGTH(b'abc'), LENGTH(b'abc'), CHAR_LENGTH('héllo'), BYTE_LENGTH(b''), BYTE_LENGTH(CAST(NULL AS STRING))",
                "SELECT id, BYTE_LENGTH(PatientName.Alphabetic.GivenName), OCTET_LENGTH(PatientID) FROM " + t,
                "SELECT TRIM('xxabcxx', 'x'), LTRIM('  abc  '), RTRIM('abcxyz', 'zyx'), TRIM(b'\\x00ab\\x00', b'\\x00'), TRIM('aéa', 'é'), TRIM('abc', '')",
                "SELECT TRIM('abc', 'é'), TRIM('  abc  ', ' '), TRIM(b'abc', b''), LTRIM('xxa', 'x'), RTRIM(b'axx', b'x'), LTRIM(b'xxa', b'x'), TRIM('abc', NULL)",
                "SELECT id, TRIM(PatientName.Alphabetic.FamilyName, 'eD'), RTRIM(PatientID, '0'), LTRIM(PatientName.Alphabetic.GivenName, 'JZ') FROM " + t,
                // which characters are whitespace to TRIM and INITCAP (Unicode's White_Space)
                "SELECT c, TO_CODE_POINTS(TRIM(CODE_POINTS_TO_STRING([c, 97, c]))), TO_CODE_POINTS(LTRIM(CODE_POINTS_TO_STRING([c, 97, c]))), INITCAP(CODE_POINTS_TO_STRING([97, c, 97])) FROM UNNEST(GENERATE_ARRAY(0, 160)) c",
                "SELECT c, TO_CODE_POINTS(RTRIM(CODE_POINTS_TO_STRING([c, 97, c]))), INITCAP(CODE_POINTS_TO_STRING([97, c, 97])) FROM UNNEST([5760, 6158, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8203, 8204, 8205, 8206, 8207, 8232, 8233, 8234, 8239, 8287, 8288, 12288, 65279]) c",
                // ASCII, CHR, UNICODE, TRANSLATE, SOUNDEX
                "SELECT ASCII('abc'), ASCII(''), ASCII(b'A'), ASCII(b'\\xff'), ASCII(b''), CHR(65), CHR(233), CHR(0), UNICODE('é'), UNICODE(''), UNICODE('😀x')",
                "SELECT ASCII('é')",
                "SELECT CHR(-1)",
                "SELECT CHR(55296)",
                "SELECT CHR(1114112)",
                "SELECT id, ASCII(PatientID), UNICODE(PatientName.Alphabetic.GivenName), CHR(InstanceNumber + 64) FROM " + t + " WHERE InstanceNumber BETWEEN 0 AND 10",
                "SELECT TRANSLATE('This is a cookie', 'sco', 'zku'), TRANSLATE('abc', 'ab', ''), TRANSLATE(b'abc', b'a', b'z'), TRANSLATE('abc', '', 'x'), TRANSLATE('abc', 'a', 'xyz')",
                "SELECT TRANSLATE('abc', 'aa', 'xy')",
                "SELECT TRANSLATE(b'abc', b'aa', b'xy')",
                "SELECT id, TRANSLATE(PatientName.Alphabetic.GivenName, 'oë', '0e'), TRANSLATE(PatientID, '0', '') FROM " + t,
                "SELECT SOUNDEX('Ashcraft'), SOUNDEX('Robert'), SOUNDEX('Tymczak'), SOUNDEX(''), SOUNDEX('123'), SOUNDEX('Pfister'), SOUNDEX('Honeyman'), SOUNDEX('éa b')",
                "SELECT SOUNDEX('robert'), SOUNDEX('Rupert'), SOUNDEX('Rubin'), SOUNDEX('Lloyd'), SOUNDEX('Jackson'), SOUNDEX('Washington'), SOUNDEX(' a'), SOUNDEX('AAAA'), SOUNDEX('bhb'), SOUNDEX('b h b'), SOUNDEX('b1b')",
                "SELECT id, SOUNDEX(PatientName.Alphabetic.FamilyName), SOUNDEX(PatientName.Alphabetic.GivenName) FROM " + t,
                // the BYTES forms
                "SELECT LOWER(b'ABC\\xc3'), UPPER(b'abc'), SUBSTR(b'abcdef', 2, 3), SPLIT(b'a,b', b','), SPLIT(b'ab', b''), REPLACE(b'aXb', b'X', b'YY'), CONCAT(b'a', b'b'), STARTS_WITH(b'abc', b'a'), ENDS_WITH(b'abc', b'bc')",
                "SELECT b'a' || b'b', SUBSTRING(b'abc', -2), SPLIT(b'', b''), SPLIT(b'a,b'), ENDS_WITH(b'a', b'abc'), SUBSTR(b'abc', 5), SUBSTR(b'abc', -5, 2), REPLACE(b'aaa', b'', b'x'), LENGTH(CAST(NULL AS BYTES))",
                "SELECT SUBSTR(b'abc', 1, -1)",
                "SELECT id, LENGTH(CAST(PatientID AS BYTES)), UPPER(CAST(PatientName.Alphabetic.GivenName AS BYTES)), SUBSTR(CAST(PatientName.Alphabetic.FamilyName AS BYTES), 2) FROM " + t,
                // encodings, code points, normalization, conversions
                "SELECT TO_BASE64(b'\\xde\\xad\\xbe\\xef'), FROM_BASE64('3q2+7w=='), TO_HEX(b'\\x00\\xAB'), FROM_HEX('00aB'), FROM_HEX('abc'), TO_CODE_POINTS('aé'), TO_CODE_POINTS(b'\\x00\\xff'), CODE_POINTS_TO_STRING([65, 233]), CODE_POINTS_TO_BYTES([65, 255])",
                "SELECT FROM_BASE64(' 3q2+7w== '), FROM_BASE64('3q2+\\n7w=='), FROM_BASE64('YR=='), FROM_HEX(''), FROM_HEX('0'), TO_BASE64(b''), TO_HEX(NULL)",
                "SELECT FROM_BASE64('YQ')",
                "SELECT FROM_BASE64('_-8=')",
                "SELECT FROM_HEX('zz')",
                "SELECT CODE_POINTS_TO_STRING([65, NULL]), CODE_POINTS_TO_BYTES([1, NULL]), CODE_POINTS_TO_STRING([]), CODE_POINTS_TO_STRING(NULL)",
                "SELECT CODE_POINTS_TO_STRING([-1])",
                "SELECT CODE_POINTS_TO_BYTES([256])",
                "SELECT id, TO_CODE_POINTS(PatientName.Alphabetic.GivenName), TO_HEX(CAST(PatientName.Alphabetic.FamilyName AS BYTES)), TO_BASE64(CAST(PatientID AS BYTES)), CODE_POINTS_TO_STRING(TO_CODE_POINTS(PatientName.Alphabetic.GivenName)) FROM " + t,
                "SELECT SAFE_CONVERT_BYTES_TO_STRING(b'\\xe2\\x82'), SAFE_CONVERT_BYTES_TO_STRING(b'\\xf0\\x9f\\x98x'), SAFE_CONVERT_BYTES_TO_STRING(b'\\xc0\\xaf'), SAFE_CONVERT_BYTES_TO_STRING(b'\\xed\\xa0\\x80'), SAFE_CONVERT_BYTES_TO_STRING(b'\\xff\\xfe'), SAFE_CONVERT_BYTES_TO_STRING(b'a\\xc3\\xa9')",
                "SELECT CAST(b'\\xc3\\xa9' AS STRING), CAST('é' AS BYTES), SAFE_CAST(b'\\xff' AS STRING), CAST(CAST(NULL AS BYTES) AS STRING)",
                "SELECT CAST(b'\\xff' AS STRING)",
                "SELECT NORMALIZE('e\\u0301'), NORMALIZE('ﬁ', NFKC), NORMALIZE('é', NFD) = 'e\\u0301', NORMALIZE_AND_CASEFOLD('ÉSS'), NORMALIZE_AND_CASEFOLD('ß', NFKC), NORMALIZE_AND_CASEFOLD('ﬁ', NFD)",
                "SELECT NORMALIZE_AND_CASEFOLD('ΑΣ'), NORMALIZE_AND_CASEFOLD('ı'), NORMALIZE_AND_CASEFOLD('ﬁ'), NORMALIZE_AND_CASEFOLD('Ｔ'), NORMALIZE_AND_CASEFOLD('ẞ'), NORMALIZE_AND_CASEFOLD('İ'), NORMALIZE_AND_CASEFOLD('The Red Barn', NFKD)",
                "SELECT id, NORMALIZE(PatientName.Alphabetic.GivenName, NFD), NORMALIZE_AND_CASEFOLD(PatientName.Alphabetic.FamilyName) FROM " + t,
                // CAST between BYTES and STRING with a FORMAT
                "SELECT CAST(b'\\x48\\x65\\x6c\\x6c\\x6f' AS STRING FORMAT 'ASCII'), CAST(b'\\x48\\x65' AS STRING FORMAT 'HEX'), CAST(b'\\x48\\x65' AS STRING FORMAT 'BASE2'), CAST(b'\\x48\\x65' AS STRING FORMAT 'BASE8'), CAST(b'\\x48\\x65' AS STRING FORMAT 'BASE16'), CAST(b'\\x48\\x65' AS STRING FORMAT 'BASE64'), CAST(b'\\xc3\\xa9' AS STRING FORMAT 'UTF-8'), CAST(b'\\xc3\\xa9' AS STRING FORMAT 'utf8')",
                "SELECT CAST('Hello' AS BYTES FORMAT 'ASCII'), CAST('4865' AS BYTES FORMAT 'HEX'), CAST('0100100001100101' AS BYTES FORMAT 'BASE2'), CAST('044145' AS BYTES FORMAT 'BASE8'), CAST('SGU=' AS BYTES FORMAT 'BASE64'), CAST('é' AS BYTES FORMAT 'UTF-8'), CAST('abc' AS BYTES FORMAT 'base16')",
                "SELECT n, CAST(SUBSTR(SHA256(CAST(n AS STRING)), 1, n) AS STRING FORMAT 'BASE8'), CAST(SUBSTR(SHA256(CAST(n AS STRING)), 1, n) AS STRING FORMAT 'BASE2'), TO_HEX(CAST(CAST(SUBSTR(SHA256(CAST(n AS STRING)), 1, n) AS STRING FORMAT 'BASE8') AS BYTES FORMAT 'BASE8')) FROM UNNEST(GENERATE_ARRAY(0, 32)) n",
                "SELECT CAST('377' AS BYTES FORMAT 'BASE8'), CAST('400' AS BYTES FORMAT 'BASE8'), CAST('00000001' AS BYTES FORMAT 'BASE2'), CAST(b'a' AS STRING FORMAT NULL), CAST(CAST(NULL AS BYTES) AS STRING FORMAT 'HEX')",
                "SELECT SAFE_CAST(b'\\xff' AS STRING FORMAT 'ASCII'), SAFE_CAST('zz' AS BYTES FORMAT 'HEX'), SAFE_CAST(b'\\xff' AS STRING FORMAT 'UTF-8')",
                "SELECT CAST(b'\\xff' AS STRING FORMAT 'ASCII')",
                "SELECT CAST('12' AS BYTES FORMAT 'BASE2')",
                "SELECT CAST('101' AS BYTES FORMAT 'BASE2')",
                "SELECT CAST(b'a' AS STRING FORMAT 'XYZ')",
                "SELECT id, CAST(CAST(PatientID AS BYTES) AS STRING FORMAT 'BASE64'), CAST(PatientName.Alphabetic.GivenName AS BYTES FORMAT 'UTF8'), CAST(CAST(PatientName.Alphabetic.FamilyName AS BYTES) AS STRING FORMAT 'HEX') FROM " + t,
                // hashes
                "SELECT TO_HEX(MD5('abc')), TO_HEX(SHA1(b'abc')), TO_HEX(SHA256('')), TO_HEX(SHA512('abc')), MD5(NULL), SHA256(b'\\xc3\\xa9') = SHA256('é')",
                "SELECT id, TO_HEX(MD5(PatientID)), TO_BASE64(SHA1(PatientName.Alphabetic.GivenName)) FROM " + t,
                // FORMAT
                "SELECT FORMAT('%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o', 42, 42, 42, 42, 42, 42, 255, 255, 8, 255, 8)",
                "SELECT FORMAT('%f|%.2f|%10.3f|%e|%E|%g|%G|%.3g|%F', 3.14159, 3.14159, 3.14159, 314.159, 314.159, 0.0001234, 1e20, 3.14159, 1.5)",
                "SELECT FORMAT('%t|%T', [1, 2], ['a', NULL]), FORMAT('%t|%T', b'a\\xff', b'a\\xff'), FORMAT('%t|%T', NUMERIC '1.50', NUMERIC '1.50'), FORMAT('%t|%T|%t', TRUE, FALSE, CAST(NULL AS INT64))",
                "SELECT FORMAT('%g|%g|%g|%g|%g', 100000.0, 1000000.0, 0.0001, 0.00001, 0.0), FORMAT('%#g|%#.3x', 1.0, 5), FORMAT('%e', 0.0), FORMAT('%.0f|%.0f|%.0f', 0.5, 1.5, 2.5), FORMAT('%.1f', 0.05), FORMAT('%.2f', 1.005)",
                "SELECT FORMAT('%T', 'é\\t\\x01'), FORMAT('%T', b'\\x00\\t\"\\''), FORMAT('%T', NUMERIC '-0.000000001'), FORMAT('%T', 1e-7), FORMAT('%T', 123456789012345678.0)",
                "SELECT FORMAT('%10.4T|%-10t|', 'abcdef', 1.5), FORMAT('%t', TIMESTAMP '2021-03-04 05:06:07.123456+02'), FORMAT('%T', TIMESTAMP '2021-03-04 00:00:00 UTC'), FORMAT('%#d', 3)",
                "SELECT FORMAT('%d|%5d', CAST(NULL AS INT64), CAST(NULL AS INT64)), FORMAT('%s', CAST(NULL AS STRING)), FORMAT('%5.1f|%e', CAST(NULL AS FLOAT64), CAST(NULL AS FLOAT64)), FORMAT('%T', CAST(NULL AS STRING)), FORMAT('%t', CAST(NULL AS DATE))",
                "SELECT FORMAT(CAST(NULL AS STRING), 1), FORMAT('%5s|%-5s|%.2s', 'ab', 'ab', 'abc'), FORMAT('%%'), FORMAT('%5t', 12), FORMAT('x'), FORMAT('%*d', 5, 3), FORMAT('%.*f', 2, 3.14159)",
                "SELECT FORMAT('%t|%T', 1.5, 1.5), FORMAT('%t|%T', 1e20, 1e20), FORMAT('%t|%T|%t|%T', CAST('nan' AS FLOAT64), CAST('inf' AS FLOAT64), CAST('-inf' AS FLOAT64), CAST('nan' AS FLOAT64)), FORMAT('%T|%t', 1.0, 1.0), FORMAT('%t|%T', 0.1, 1.0/3), FORMAT('%T', 123.0), FORMAT('%t', 1e-5)",
                "SELECT FORMAT('%t|%T', DATE '2021-03-04', DATE '2021-03-04'), FORMAT('%t|%T', TIMESTAMP '2021-03-04 05:06:07.5 UTC', TIMESTAMP '2021-03-04 05:06:07 UTC'), FORMAT('%t|%T', DATETIME '2021-03-04 05:06:07', DATETIME '2021-03-04 05:06:07.25'), FORMAT('%t|%T', TIME '05:06:07.123', TIME '05:06:07')",
                "SELECT FORMAT('%f|%e|%g|%.1f|%t|%T', NUMERIC '1.5', NUMERIC '123.456', NUMERIC '0.00001', NUMERIC '0.25', NUMERIC '-0.5', NUMERIC '100'), FORMAT(\"%'d|%'.2f|%'x\", 1234567, 1234567.891, 123456789)",
                "SELECT FORMAT('%.1e|%.2f|%g|%.1g', NUMERIC '1.25', NUMERIC '1.005', NUMERIC '1234567.5', NUMERIC '0.25')",
                "SELECT FORMAT('%x|%X|%o', -1, -255, -8), FORMAT('%d', -9223372036854775808), FORMAT('%+.3e|% f|%-8.2f|%08.2f|%+g', 12345.678, 1.5, 1.5, -1.5, 1.5)",
                "SELECT FORMAT('%f|%e|%g|%F|%E|%G', CAST('nan' AS FLOAT64), CAST('inf' AS FLOAT64), CAST('-inf' AS FLOAT64), CAST('inf' AS FLOAT64), CAST('nan' AS FLOAT64), CAST('-inf' AS FLOAT64)), FORMAT('%5.1f|%010.2f|%+f', CAST('inf' AS FLOAT64), CAST('-inf' AS FLOAT64), CAST('inf' AS FLOAT64))",
                "SELECT FORMAT('%T', [1.5, 2.5]), FORMAT('%t', [1.5, 2.5]), FORMAT('%t', ['a', NULL]), FORMAT('%T', [DATE '2021-01-01']), FORMAT('%t', [DATE '2021-01-01']), FORMAT('%T', CAST([] AS ARRAY<INT64>)), FORMAT('%t', CAST(NULL AS ARRAY<INT64>))",
                "SELECT FORMAT('%T', 'a\"b'), FORMAT('%T', b'a\"b'), FORMAT('%t', b'a\"b\\\\\\''), FORMAT('%T', 'a\\a\\b\\f\\v\\x00'), FORMAT('%T', \"a'b\\\"c\"), FORMAT('%T', 'a\\\\b\\'c')",
                "SELECT FORMAT('%i', 5), FORMAT('%5.3d', 7), FORMAT('%.0e', 12345.0), FORMAT('%#.0f|%#x|%#X|%#o', 3.0, 0, 255, 0), FORMAT('%.3s', 'héllo'), FORMAT('%5s|', 'é')",
                "SELECT FORMAT('%10.3T|%-6t|%.1t', [1, 2], 'ab', 1.25), FORMAT('%T', [b'a', NULL]), FORMAT('%t', [TRUE]), FORMAT('%T', [NUMERIC '1.5']), FORMAT('%t', [CAST('nan' AS FLOAT64)]), FORMAT('%T', [CAST('nan' AS FLOAT64)])",
                "SELECT FORMAT('%T', [TIME '01:02:03', NULL]), FORMAT('%t', [DATETIME '2020-01-02 03:04:05.5']), FORMAT('%T', [TIMESTAMP '2020-01-02 03:04:05+01']), FORMAT('%t', [TIMESTAMP '2020-01-02 03:04:05.123456 UTC'])",
                "SELECT FORMAT('%T', [LastUpdated]), FORMAT('%t', [AcquisitionDateTime, NULL]), FORMAT('%T', [StudyTime]) FROM " + t,
                "SELECT FORMAT('%T', JSON '[1,\"a\"]'), FORMAT('%t', JSON '\"é\"'), FORMAT('%T', JSON '1.50'), FORMAT('%t', JSON '1e2')",
                "SELECT FORMAT('%g|%g|%g|%.10g|%g', 1e-5, 123456789.0, 0.000123456, 1.0/3, 1e100), FORMAT('%e|%.0e', 1e-300, 5e-324), FORMAT('%f', 1e20), FORMAT('%.3f', 5e-324), FORMAT('%.2f', -0.001), FORMAT('%f', -0.0)",
                "SELECT FORMAT('%-5d|%-05d|%+5d|%+05d|% 05d|%0+5.1f|%05s', 42, 42, 42, 42, 42, 1.5, 'ab')",
                "SELECT FORMAT('%.3d|%.0d|%5.0d|%-6.3d|', -7, 0, 0, 5), FORMAT('%+.0f|% .1e|%+#.0e', 2.5, 1.0, 3.0), FORMAT('%010.3e|%-10.1g|', -1234.5, 0.000123), FORMAT('%.0d|%.0i|%.0x|%.0o|%#.0o|%.0X', 0, 0, 0, 0, 0, 0)",
                "SELECT FORMAT(\"%'o|%'o|%'X|%'o\", 32768, 16777216, 4294967295, 8), FORMAT('%#o|%#x|%#X', -8, -255, -255), FORMAT('%+x|% o', 255, 8), FORMAT(\"%'d|%'d|%'d\", -1234, 123, -1234567), FORMAT(\"%'x|%'X\", 65535, -1048575)",
                "SELECT FORMAT('%f|%e|%g', NUMERIC '123456789012345678901234567.123456789', NUMERIC '-99999999999999999999999999999.999999999', NUMERIC '0.000000001'), FORMAT('%.20f|%.12e', NUMERIC '1.1', NUMERIC '1.1'), FORMAT('%#g|%g', NUMERIC '100', NUMERIC '1e10')",
                "SELECT FORMAT('%.30f', 0.1), FORMAT('%.20e', 1.0/3), FORMAT('%.17g', 0.1), FORMAT('%40.30g', 1e-300), FORMAT('%G|%E|%.2G', 1e-10, 123.0, 0.00001234), FORMAT('%g|%g|%g', 1e15, 123456.5, 1234567.0), FORMAT('%.0g|%#.0g', 0.5, 5.0)",
                "SELECT FORMAT('%t|%T', TIMESTAMP '0001-01-01 00:00:00 UTC', TIMESTAMP '9999-12-31 23:59:59.999999 UTC'), FORMAT('%T', DATE '0001-01-01'), FORMAT('%t', TIME '23:59:59.999999'), FORMAT('%T|%t', b'', ''), FORMAT('%5T|', b'a'), FORMAT('%-5t|', b'\\x00')",
                "SELECT FORMAT('%T', -0.0)",
                "SELECT FORMAT('%T', STRUCT(1 AS x))",
                "SELECT FORMAT('%T', Metadata) FROM " + t,
                "SELECT id, FORMAT('%s %s', PatientID, PatientName.Alphabetic.FamilyName), FORMAT('%-8s|%5.2s|%T', PatientName.Alphabetic.GivenName, PatientID, PatientName.Alphabetic.FamilyName) FROM " + t,
                "SELECT FORMAT('%d', InstanceNumber), FORMAT('%.3f', SliceThickness), FORMAT('%T', ImageType), FORMAT('%t', StudyDate), FORMAT('%T', PixelSpacing), FORMAT('%T', IsPrimary), FORMAT('%t', LastUpdated), FORMAT('%T|%t', AcquisitionDateTime, StudyTime) FROM " + t,
                "SELECT id, FORMAT('%e|%g|%08.3f', SliceThickness, SliceThickness, SliceThickness), FORMAT(\"%'d|%x\", InstanceNumber, InstanceNumber) FROM " + t + " WHERE id <> 6",
                "SELECT FORMAT('%t|%T', STRUCT(1 AS x), STRUCT('a' AS x, 'b' AS y)), FORMAT('%T|%t', CAST(NULL AS STRUCT<a INT64>), STRUCT()), FORMAT('%t', STRUCT(CAST(NULL AS STRING) AS a)), FORMAT('%T', STRUCT(STRUCT(CAST(NULL AS INT64) AS x) AS s))",
                "SELECT FORMAT('%T', PatientName), FORMAT('%t', PatientName), FORMAT('%-30T|%.6t|', STRUCT(PatientID AS p, StudyDate AS d, ImageType AS i), PatientName) FROM " + t,
                // FARM_FINGERPRINT over every length class of its algorithm (0-16, 17-32, 33-64, longer), EDIT_DISTANCE
                "SELECT FARM_FINGERPRINT('abc'), FARM_FINGERPRINT(b''), FARM_FINGERPRINT(''), FARM_FINGERPRINT('a'), FARM_FINGERPRINT('abcd'), FARM_FINGERPRINT('abcdefgh'), FARM_FINGERPRINT(NULL)",
                "SELECT n, FARM_FINGERPRINT(SUBSTR(REPEAT(SHA512(CAST(n AS STRING)), 6), 1, n)) FROM UNNEST(GENERATE_ARRAY(0, 300)) n",
                "SELECT n, FARM_FINGERPRINT(SUBSTR(REPEAT('The quick brown fox jumps over the lazy dog ÄÖÜ 0123456789 ', 20), 1 + MOD(n * 7, 13), n)) FROM UNNEST(GENERATE_ARRAY(0, 700, 3)) n",
                "SELECT id, FARM_FINGERPRINT(PatientID), FARM_FINGERPRINT(CONCAT(PatientName.Alphabetic.FamilyName, PatientName.Alphabetic.GivenName)) FROM " + t,
                "SELECT EDIT_DISTANCE('a', 'b'), EDIT_DISTANCE('kitten', 'sitting'), EDIT_DISTANCE('', 'abc'), EDIT_DISTANCE('é', 'e'), EDIT_DISTANCE(NULL, 'a'), EDIT_DISTANCE('abcdef', 'a', max_distance => 10), EDIT_DISTANCE('abc', 'xyz', max_distance => 2)",
                "SELECT EDIT_DISTANCE('a', 'b', max_distance => -1)",
                "SELECT id, EDIT_DISTANCE(PatientName.Alphabetic.FamilyName, PatientName.Alphabetic.GivenName) FROM " + t,
                // regular expressions
                "SELECT REGEXP_EXTRACT('abcabc', 'b', 3), REGEXP_EXTRACT('abcabc', 'b', 1, 2), REGEXP_EXTRACT('abcabc', '(b)c', 1, 3), REGEXP_EXTRACT_ALL('a1b22c', '[0-9]+'), REGEXP_EXTRACT_ALL('a1b22c', '([a-z])[0-9]'), REGEXP_INSTR('ab@cd', '@'), REGEXP_INSTR('abab', 'b', 1, 2), REGEXP_INSTR('abab', 'a(b)', 1, 1, 1), REGEXP_INSTR('abab', 'a(b)', 1, 1, 0), REGEXP_SUBSTR('abcabc', 'b', 3)",
                "SELECT REGEXP_EXTRACT('abc','x*',4), REGEXP_EXTRACT('abc','x*',3), REGEXP_EXTRACT('abab','^a',3), REGEXP_EXTRACT_ALL('', ''), REGEXP_EXTRACT_ALL('ab', 'b*'), REGEXP_EXTRACT_ALL('abc', 'x*'), REGEXP_EXTRACT_ALL('', 'x'), REGEXP_INSTR('abab','^a',3), REGEXP_INSTR('aéb', 'b'), REGEXP_EXTRACT('aébé', 'b', 3)",
                "SELECT REGEXP_INSTR('abcabc', 'bc', 2, 2, 1), REGEXP_INSTR('abc', 'c', 3), REGEXP_INSTR('abc', 'c', 4), REGEXP_INSTR('ab', 'x*', 3), REGEXP_EXTRACT('ab', 'x*', 3), REGEXP_INSTR('abc', '(x)?b'), REGEXP_EXTRACT('abc', '(x)?b', 1, 1), REGEXP_EXTRACT_ALL('abc', '(x)?b')",
                "SELECT REGEXP_EXTRACT_ALL('Try `func(x)` or `func(y)`', '`(.+?)`'), REGEXP_EXTRACT('Hello Helloo and Hellooo', 'H?ello+', 3, 2), REGEXP_INSTR('ab@cd-ef', '@[^-]*'), REGEXP_INSTR('a@cd-ef b@cd-ef', '@[^-]*', 1, 2, 1), REGEXP_EXTRACT_ALL('ab', 'a*'), REGEXP_EXTRACT_ALL(NULL, 'a'), REGEXP_EXTRACT_ALL('a', NULL)",
                "SELECT REGEXP_EXTRACT('abc', 'b', 0)",
                "SELECT REGEXP_EXTRACT('abc', 'b', 1, 0)",
                "SELECT REGEXP_INSTR('abc', 'b', 1, 1, 2)",
                "SELECT REGEXP_EXTRACT_ALL('abc', '(a)(b)')",
                "SELECT id, REGEXP_EXTRACT_ALL(PatientID, '0+'), REGEXP_INSTR(PatientName.Alphabetic.FamilyName, '[a-z]', 1, 2), REGEXP_SUBSTR(PatientName.Alphabetic.GivenName, '.', 2), REGEXP_EXTRACT(PatientName.Alphabetic.FamilyName, '[A-Z](.)', 1, 1) FROM " + t,
                "SELECT REGEXP_CONTAINS(b'abc', b'b'), REGEXP_EXTRACT(b'a\\xffc', b'.c'), REGEXP_REPLACE(b'abc', b'b', b'\\\\0\\\\0'), REGEXP_EXTRACT_ALL(b'abab', b'a(b)'), REGEXP_INSTR(b'\\xff\\xfeb', b'b'), REGEXP_SUBSTR(b'abcabc', b'b', 3), REGEXP_CONTAINS(b'\\xe9', b'(?i)\\xc9'), REGEXP_CONTAINS(b'\\xe9', b'\\\\w'), REGEXP_EXTRACT(b'a\\nb', b'a.b')",
                "SELECT REGEXP_CONTAINS(b'\\xc3\\xa9', b'^.$'), REGEXP_CONTAINS('é', '^.$'), REGEXP_REPLACE(b'', b'', b'x'), REGEXP_EXTRACT(CAST(NULL AS BYTES), b'a'), REGEXP_CONTAINS(b'a', CAST(NULL AS BYTES))",
                "SELECT id, REGEXP_CONTAINS(CAST(PatientID AS BYTES), b'^[0-9]+$'), REGEXP_REPLACE(CAST(PatientName.Alphabetic.FamilyName AS BYTES), b'[a-z]', b'.') FROM " + t,
                // LENGTH counts characters, not UTF-16 units; ARRAY_TO_STRING of BYTES
                "SELECT LENGTH('😀a'), CHAR_LENGTH('😀'), CHARACTER_LENGTH(''), LENGTH(CAST(NULL AS STRING)), SAFE.LENGTH('😀')",
                "SELECT ARRAY_TO_STRING(['a', NULL, 'b'], ','), ARRAY_TO_STRING(['a', NULL], ',', 'N'), ARRAY_TO_STRING([b'a', b'b'], b'-'), ARRAY_TO_STRING([b'a', NULL], b'', b'?'), ARRAY_TO_STRING(CAST([] AS ARRAY<BYTES>), b',')",
                // SAFE.: plain on the functions that cannot fail, refused on the others
                "SELECT SAFE.REVERSE('abc'), SAFE.TO_HEX(b'\\x01'), SAFE.STRPOS('abc', 'c'), SAFE.LENGTH(b'ab'), SAFE.UPPER(b'ab')",
                "SELECT SAFE.LPAD('a', -1)",
                "SELECT SAFE.SUBSTR(b'abc', 1, -1)",
                "SELECT " + names + ", CONCAT(LPAD(PatientID, 6, '*'), '/', INITCAP(REVERSE(PatientName.Alphabetic.FamilyName))) AS c FROM " + t);
    }
}
