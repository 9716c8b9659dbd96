package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for what a second local probe found (a peer engine's table of self-contained queries, kept out
 * of this repository): the day of the year {@code %j} read by PARSE_DATE, PARSE_DATETIME and PARSE_TIMESTAMP, alone,
 * after or before the year, against month and day elements, and out of range; the NET functions on IP addresses
 * (text forms, RFC 5952 output, masks, truncation, integers, errors); regular expressions that are not literals
 * (columns, expressions, BYTES, invalid patterns with and without SAFE.).
 */
final class DifferentialPeerQueries {
    private DifferentialPeerQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                // %j: one to three digits, the year read before or after it, 1970 when none
                "SELECT PARSE_DATE('%j', '45') AS a, PARSE_DATE('%Y/%j', '2000/366') AS b, PARSE_DATE('%j.%Y', '059.2023') AS c,"
                        + " PARSE_DATE('%y%j', '99365') AS d, PARSE_DATE('%j', '7') AS e",
                "SELECT PARSE_DATETIME('%j %H:%M', '200 13:45') AS a, PARSE_TIMESTAMP('%Y %j %T', '2016 061 00:00:01') AS b,"
                        + " PARSE_TIMESTAMP('%Y-%j %H %z', '2021-100 23 -0330') AS c",
                // the last of %j and a month or day element decides
                "SELECT PARSE_DATE('%m/%d %j', '12/24 100') AS a, PARSE_DATE('%j %m/%d', '100 12/24') AS b,"
                        + " PARSE_DATE('%j %b', '300 Feb') AS c, PARSE_DATE('%e %j %Y', ' 9 010 1999') AS d, PARSE_DATE('%j %F', '010 1999-07-04') AS e",
                "SELECT PARSE_DATE('%A %j %Y', 'Monday 001 2020') AS a, PARSE_DATE('%j %j', '011 012') AS b",
                "SELECT PARSE_DATE('%j %d', '100 05') AS a, PARSE_DATE('%Y %j %m', '2024 060 11') AS b, PARSE_DATE('%j %B %Y', '031 April 2001') AS c",
                "SELECT PARSE_DATE('%j %m', '090 02') AS a",
                // out of range: day 0, 367, 366 of a year of 365 days, four digits
                "SELECT PARSE_DATE('%j', '000') AS a",
                "SELECT PARSE_DATE('%j', '367') AS a",
                "SELECT PARSE_DATE('%Y %j', '2100 366') AS a",
                "SELECT PARSE_DATE('%j', '0012') AS a",
                "SELECT SAFE.PARSE_DATE('%j', '400') AS a, SAFE.PARSE_DATE('%Y%j', '2019366') AS b, SAFE.PARSE_DATE('%j', '33') AS c",
                // with an epoch in seconds
                "SELECT PARSE_DATETIME('%j %s', '150 1000000') AS a, PARSE_DATETIME('%s %j', '1000000 150') AS b",
                // NET: IPv4 and IPv6 text to bytes and back (RFC 4291 forms, RFC 5952 output)
                "SELECT FORMAT('%T', NET.IP_FROM_STRING(a)) AS b, NET.IP_TO_STRING(NET.IP_FROM_STRING(a)) AS s FROM UNNEST(['0.0.0.0',"
                        + " '255.255.255.255', '10.1.2.3', '::', '::1', '1::', '2001:db8::ff00:42:8329', '2001:DB8:0:0:1:0:0:1',"
                        + " '1:0:0:2:0:0:0:3', '1:0:2:0:3:0:4:5', 'fe80::1:2:3:4', '::ffff:10.0.0.1', '::1.2.3.4', '64:ff9b::192.0.2.33',"
                        + " '0:0:0:0:0:0:0:0', '1:2:3:4:5:6:7:8', '::ffff:0.0.0.1', '::0.0.1.0', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8']) AS a",
                "SELECT a, FORMAT('%T', NET.SAFE_IP_FROM_STRING(a)) AS b FROM UNNEST(['1.2.3', '1.2.3.256', '01.2.3.4', '1.2.3.4/32',"
                        + " ' 1.2.3.4', '1::2::3', '12345::', ':1', '1:', 'g::', '1:2:3:4:5:6:7:8:9', '::1.2.3', 'fe80::1%eth0', '',"
                        + " '1.2.3.4.5', '::ffff:1.2.3.400', '0x1.2.3.4', '1:2:3:4:5:6:7', '1:2:3:4:5:6:1.2.3.4', '::1:2:3:4:5:6:7:8', NULL]) AS a",
                "SELECT NET.IP_FROM_STRING('1.2.3.999') AS a",
                "SELECT NET.IP_TO_STRING(b'\\x01\\x02\\x03') AS a",
                "SELECT NET.IP_TO_STRING(b'') AS a, NET.IP_TO_STRING(NULL) AS b",
                "SELECT NET.IP_TO_STRING(b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xff\\xff\\xff\\xff') AS a,"
                        + " NET.IP_TO_STRING(b'\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00') AS b,"
                        + " NET.IP_TO_STRING(b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xff\\xfe\\x01\\x02\\x03\\x04') AS c",
                "SELECT p, FORMAT('%T', NET.IP_NET_MASK(4, p)) AS m4, FORMAT('%T', NET.IP_NET_MASK(16, p)) AS m16,"
                        + " FORMAT('%T', NET.IP_TRUNC(b'\\xde\\xad\\xbe\\xef', p)) AS t4,"
                        + " FORMAT('%T', NET.IP_TRUNC(NET.IP_FROM_STRING('2001:db8:85a3::8a2e:370:7334'), p)) AS t16"
                        + " FROM UNNEST([0, 1, 7, 8, 9, 15, 17, 31, 32]) AS p",
                "SELECT FORMAT('%T', NET.IP_NET_MASK(16, 127)) AS a, FORMAT('%T', NET.IP_TRUNC(NET.IP_FROM_STRING('ffff::ffff'), 128)) AS b,"
                        + " NET.IP_NET_MASK(NULL, 3) AS c, NET.IP_TRUNC(NULL, 3) AS d, NET.IP_TRUNC(b'abcd', NULL) AS e",
                "SELECT NET.IP_NET_MASK(8, 1) AS a",
                "SELECT NET.IP_NET_MASK(4, -1) AS a",
                "SELECT NET.IP_NET_MASK(16, 129) AS a",
                "SELECT NET.IP_TRUNC(b'abcde', 1) AS a",
                "SELECT NET.IP_TRUNC(b'abcd', 33) AS a",
                "SELECT v, FORMAT('%T', NET.IPV4_FROM_INT64(v)) AS b, NET.IPV4_TO_INT64(NET.IPV4_FROM_INT64(v)) AS back"
                        + " FROM UNNEST([0, 1, 511, 2147483647, 2147483648, 4294967295, -1, -2147483648, NULL]) AS v",
                "SELECT NET.IPV4_FROM_INT64(4294967296) AS a",
                "SELECT NET.IPV4_FROM_INT64(-2147483649) AS a",
                "SELECT NET.IPV4_TO_INT64(b'\\x80\\x00\\x00\\x01') AS a, NET.IPV4_TO_INT64(NULL) AS b",
                "SELECT NET.IPV4_TO_INT64(NET.IP_FROM_STRING('::1')) AS a",
                "SELECT id, NET.IP_TO_STRING(NET.IPV4_FROM_INT64(id * 16777217)) AS a FROM " + t,
                // regular expressions that are not literals, read as RE2 for each row
                "SELECT v, r, REGEXP_EXTRACT(v, r, 1, 2) AS e, REGEXP_INSTR(v, r) AS i, REGEXP_INSTR(v, r, 2, 1, 1) AS j,"
                        + " REGEXP_EXTRACT_ALL(v, r) AS a, REGEXP_REPLACE(v, r, '<\\\\0>') AS p, REGEXP_SUBSTR(v, r, 3) AS s"
                        + " FROM UNNEST([STRUCT('Hello Helloo and Hellooo' AS v, 'H?ello+' AS r), ('a1b22c333', '[0-9]+'),"
                        + " ('a1b22c333', '([a-z])[0-9]'), ('x@y.com z@w.org', '@[^.]*'), ('abc', NULL), (NULL, 'a'),"
                        + " ('Ünïcödé', '\\\\pL+'), ('aXbxc', '(?i)x')])",
                "SELECT REGEXP_EXTRACT(v, CONCAT('(', r, ')'), 1, 1) AS a FROM UNNEST([STRUCT('2021-03-04' AS v, '[0-9]{2}' AS r)])",
                "SELECT REGEXP_EXTRACT(v, r, 1, 1) AS e, REGEXP_INSTR(v, r) AS i, REGEXP_REPLACE(v, r, '-') AS p, REGEXP_CONTAINS(v, r) AS c"
                        + " FROM UNNEST([STRUCT('abc' AS v, '' AS r), ('', 'x*')])",
                "SELECT SAFE.REGEXP_CONTAINS(v, r) AS c, SAFE.REGEXP_EXTRACT(v, r) AS e FROM UNNEST([STRUCT('abc' AS v, '(' AS r), ('abc', 'c')])",
                "SELECT REGEXP_INSTR(b, r) AS a, FORMAT('%T', REGEXP_EXTRACT(b, r, 1, 1)) AS e, REGEXP_EXTRACT_ALL(b, r) AS x"
                        + " FROM UNNEST([STRUCT(b'\\x01ab\\xffab' AS b, b'a.' AS r), (b'zzz', b'q')])",
                "SELECT REGEXP_EXTRACT(v, r, 1, 1) AS a FROM UNNEST([STRUCT('abc' AS v, '(' AS r)])",
                "SELECT REGEXP_REPLACE(v, r, 'x') AS a FROM UNNEST([STRUCT('abc' AS v, 'a[' AS r)])",
                "SELECT REGEXP_EXTRACT_ALL(v, r) AS a FROM UNNEST([STRUCT('abc' AS v, '(a)(b)' AS r)])",
                "SELECT SAFE.REGEXP_EXTRACT(v, r, 1, 1) AS a, SAFE.REGEXP_INSTR(v, r) AS b, SAFE.REGEXP_REPLACE(v, r, 'y') AS c"
                        + " FROM UNNEST([STRUCT('abc' AS v, '(' AS r), ('abc', 'b')])",
                "SELECT REGEXP_CONTAINS(v, r) AS c, REGEXP_EXTRACT(v, r) AS e FROM UNNEST([STRUCT('abc' AS v, 'b+' AS r), ('xyz', 'q')])",
                "SELECT id, REGEXP_EXTRACT(PatientID, CONCAT('^', SUBSTR(PatientID, 1, 1), '(.*)'), 1, 1) AS rest,"
                        + " REGEXP_REPLACE(PatientID, SUBSTR(PatientID, 1, 2), '#') AS r FROM " + t,
                // TO_JSON_STRING of ARRAY<INT64>: past ±2^53 an integer is a quoted string
                "SELECT TO_JSON_STRING([1, -9007199254740992, 9007199254740993, NULL, 0]) AS a, TO_JSON_STRING(ARRAY<INT64>[]) AS b,"
                        + " TO_JSON_STRING(STRUCT([9007199254740992, -9007199254740993] AS n, 'x' AS s)) AS c",
                "SELECT id, TO_JSON_STRING(GENERATE_ARRAY(id, id + 2)) AS a, TO_JSON_STRING(STRUCT(id AS i, [id] AS l)) AS b FROM " + t,
                // TO_JSON_STRING of ARRAY<BOOL>, with NULL elements, an empty and a NULL array, and a column's
                "SELECT TO_JSON_STRING([true, NULL, false]) AS a, TO_JSON_STRING(ARRAY<BOOL>[]) AS b,"
                        + " TO_JSON_STRING(CAST(NULL AS ARRAY<BOOL>)) AS c, TO_JSON_STRING(STRUCT([false] AS f)) AS d",
                "SELECT id, TO_JSON_STRING([IsPrimary, NOT IsPrimary]) AS a FROM " + t,
                // a column's dates written with %j and read back
                "SELECT id, PARSE_DATE('%Y-%j', FORMAT_DATE('%Y-%j', StudyDate)) = StudyDate AS same_day FROM " + t);
    }
}
