package io.dicombq.adapter.out.sql;

import java.util.List;

/**
 * Differential cases for JSON field access and subscripts and the JSON functions of {@link JsonDocumentFunctions}
 * and {@link JsonBuildFunctions}: BigQuery's reference examples, JSON null, missing members, invalid input and
 * paths, numbers whose text is not known exactly (refused by name), and the table's JSON column.
 */
final class DifferentialJsonQueries {
    private DifferentialJsonQueries() {
    }

    static List<String> queries(String t) {
        return List.of(
                "SELECT id, Metadata.a, Metadata['a'], Metadata.arr[0], Metadata.b.c, Metadata['b']['c'], Metadata.arr[5] FROM " + t + "",
                "SELECT JSON '{\"a\": {\"b\": [1, 2]}}'.a.b[1], JSON '[1, \"x\"]'[1], JSON '{\"a\": 1}'.nope, JSON '1'.a, JSON '{\"a\":1}'[0], JSON '[1]'[-1]",
                "SELECT JSON_EXTRACT('{\"a\":1}', '$.a'), JSON_EXTRACT_SCALAR('{\"a\":1}', '$.a')",
                "SELECT JSON_EXTRACT('{\"class\":{\"students\":[{\"name\":\"Jane\"}]}}', '$.class.students[0]'), JSON_EXTRACT_SCALAR('{\"class\":{\"students\":[{\"name\":\"Jane\"}]}}', '$.class.students[0].name'), JSON_EXTRACT('{\"a.b\": {\"c\": \"x\"}}', \"$['a.b']\"), JSON_EXTRACT_SCALAR('{\"a.b\": {\"c\": \"x\"}}', \"$['a.b'].c\")",
                "SELECT JSON_EXTRACT('{\"a\":null}', '$.a'), JSON_EXTRACT(JSON '{\"a\":null}', '$.a'), JSON_EXTRACT_SCALAR('{\"a\":null}', '$.a'), JSON_EXTRACT_SCALAR('{\"a\":[1]}', '$.a'), JSON_EXTRACT('{\"a\":1}', '$.b')",
                "SELECT JSON_EXTRACT(Metadata, '$.b'), JSON_EXTRACT_SCALAR(Metadata, '$.a'), JSON_EXTRACT(Metadata, \"$['arr'][1]\") FROM " + t + "",
                "SELECT JSON_EXTRACT('{\"a\":1', '$.a')",
                "SELECT JSON_EXTRACT_SCALAR('{\"a\":\"x\"}', '$.a[')",
                "SELECT JSON_EXTRACT_ARRAY('[1,2]'), JSON_EXTRACT_STRING_ARRAY('[\"a\", \"b\"]'), JSON_QUERY_ARRAY('[1,2]'), JSON_VALUE_ARRAY('[\"a\"]')",
                "SELECT JSON_QUERY_ARRAY('{\"fruits\": [\"apples\", \"oranges\", \"grapes\"]}', '$.fruits'), JSON_VALUE_ARRAY('{\"fruits\": [\"apples\", \"oranges\", \"grapes\"]}', '$.fruits'), JSON_QUERY_ARRAY('[[1,2],[3]]'), JSON_VALUE_ARRAY('[[1,2],[3]]'), JSON_QUERY_ARRAY('{\"a\":1}'), JSON_VALUE_ARRAY('[1, true, \"x\"]')",
                "SELECT JSON_QUERY_ARRAY(JSON '{\"fruits\": [\"apples\", {\"x\": 1}]}', '$.fruits'), JSON_VALUE_ARRAY(JSON '[1, 2.5]'), JSON_EXTRACT_ARRAY(JSON '[1, \"a\"]'), JSON_EXTRACT_STRING_ARRAY(JSON '[1, \"a\"]')",
                "SELECT JSON_VALUE_ARRAY('[1, null]')",
                // a STRING that is not valid JSON: NULL (BigQuery docs: JSON_EXTRACT_ARRAY, JSON_EXTRACT_STRING_ARRAY, JSON_VALUE_ARRAY)
                "SELECT JSON_EXTRACT_STRING_ARRAY('}}', '$') AS a, JSON_VALUE_ARRAY('}}') AS b, JSON_EXTRACT_ARRAY('{', '$') AS c,"
                        + " JSON_VALUE_ARRAY('{\"a\": [1, }', '$.a') AS d, JSON_EXTRACT_STRING_ARRAY('[\"x\", ', '$[1]') AS e",
                "SELECT JSON_VALUE_ARRAY('}}') IS NULL AS a, JSON_EXTRACT_ARRAY('nope', '$') IS NULL AS b, JSON_EXTRACT_STRING_ARRAY('', '$') IS NULL AS c",
                "SELECT JSON_QUERY_ARRAY('}}')",
                "SELECT JSON_QUERY_ARRAY('[1, null]'), JSON_EXTRACT_ARRAY('[]'), JSON_VALUE_ARRAY('[]')",
                "SELECT JSON_QUERY_ARRAY(Metadata, '$.arr'), JSON_VALUE_ARRAY(Metadata, '$.arr'), JSON_EXTRACT_ARRAY(Metadata), JSON_EXTRACT_STRING_ARRAY(Metadata, '$.arr') FROM " + t + "",
                "SELECT JSON_TYPE(JSON '1'), JSON_TYPE(JSON '\"a\"'), JSON_TYPE(JSON 'null'), JSON_TYPE(JSON '[]'), JSON_TYPE(JSON '{}'), JSON_TYPE(JSON 'true'), JSON_TYPE(CAST(NULL AS JSON))",
                "SELECT id, JSON_TYPE(Metadata), JSON_TYPE(Metadata.a) FROM " + t + "",
                "SELECT PARSE_JSON('{\"b\": 1, \"a\": [true, null, \"x\"]}'), PARSE_JSON('\"text\"'), PARSE_JSON(NULL), PARSE_JSON('2.5'), PARSE_JSON('[1.50]')",
                "SELECT PARSE_JSON('{\"id\":922337203685477580701}')",
                "SELECT PARSE_JSON('{\"a\": 1')",
                "SELECT PARSE_JSON('1', wide_number_mode => 'round')",
                "SELECT INT64(JSON '213'), INT64(JSON '10.0'), FLOAT64(JSON '9.8'), BOOL(JSON 'true'), STRING(JSON '\"purple\"'), INT64(CAST(NULL AS JSON)), FLOAT64(JSON '18446744073709551615')",
                "SELECT INT64(JSON 'null')",
                "SELECT INT64(JSON '10.5')",
                "SELECT INT64(JSON '\"10\"')",
                "SELECT INT64(JSON '1e20')",
                "SELECT FLOAT64(JSON '\"1\"')",
                "SELECT FLOAT64(JSON '9007199254740993', wide_number_mode=>'exact')",
                "SELECT FLOAT64(JSON '9007199254740993', wide_number_mode=>'round')",
                "SELECT BOOL(JSON '1')",
                "SELECT STRING(JSON '1')",
                "SELECT id, INT64(Metadata.a), FLOAT64(Metadata.a) FROM " + t + " WHERE id IN (1, 6)",
                "SELECT id, BOOL(Metadata.a), STRING(Metadata.b.c) FROM " + t + " WHERE id IN (7, 1)",
                "SELECT TO_JSON(1), TO_JSON('a\"b'), TO_JSON(TRUE), TO_JSON(2.5), TO_JSON(CAST(NULL AS INT64)), TO_JSON([1, 2]), TO_JSON(JSON '{\"b\":1,\"a\":2}'), TO_JSON(9007199254740993)",
                "SELECT TO_JSON(1.0)",
                "SELECT TO_JSON(CAST('nan' AS FLOAT64))",
                // TO_JSON of a STRUCT: an object of its named fields, members in name order, nested STRUCTs and arrays
                "SELECT TO_JSON(STRUCT(1 AS id, [10, 20] AS coordinates)) AS a, TO_JSON(STRUCT('foo' AS a, TO_JSON(STRUCT('bar' AS c)) AS b)) AS b,"
                        + " TO_JSON(STRUCT(CAST(NULL AS INT64) AS z, 2.5 AS y, STRUCT(TRUE AS q, ['x', NULL] AS r) AS x)) AS c",
                "SELECT TO_JSON(CAST(NULL AS STRUCT<a INT64>)) AS a, TO_JSON(STRUCT<a INT64, b STRING>(NULL, NULL)) AS b,"
                        + " TO_JSON(STRUCT(1 AS Ab, 2 AS aB, 3 AS `_`, 4 AS `a b`)) AS c, TO_JSON(STRUCT(9007199254740993 AS n, -0.0 AS f, 1e100 AS g)) AS d",
                "SELECT TO_JSON([STRUCT(1 AS a, 'x' AS b), STRUCT(2, NULL)]) AS a, TO_JSON(STRUCT([STRUCT(1 AS k)] AS l)) AS b,"
                        + " TO_JSON(STRUCT(JSON '{\"z\":[1,{\"y\":null}]}' AS j)) AS c",
                "WITH c AS (SELECT 1 AS id, [10, 20] AS xs UNION ALL SELECT 2, [30] UNION ALL SELECT 3, []) SELECT TO_JSON(t) AS j FROM c AS t",
                "SELECT id, TO_JSON(PatientName) AS a, TO_JSON(ProcedureCodeSequence) AS b FROM " + t,
                "SELECT TO_JSON(r) AS j FROM (SELECT id, PatientID, InstanceNumber, SliceThickness, IsPrimary, ImageType, Metadata FROM " + t + ") AS r",
                "SELECT JSON_OBJECT('s', STRUCT(1 AS a, [STRUCT('v' AS w)] AS b)) AS a, JSON_ARRAY(STRUCT('x' AS k), 1) AS b,"
                        + " JSON_SET(JSON '{}', '$.p', STRUCT(2 AS q)) AS c",
                "SELECT JSON_OBJECT(['a', 'b'], [STRUCT(10 AS id, 'Red' AS color), STRUCT(20 AS id, NULL AS color)]) AS a,"
                        + " JSON_OBJECT(['k'], [STRUCT([STRUCT(1 AS x)] AS l)]) AS b, JSON_OBJECT(ARRAY<STRING>[], ARRAY<STRUCT<x INT64>>[]) AS c",
                "SELECT JSON_OBJECT(['a', 'b'], [STRUCT(1 AS x)])",
                "SELECT JSON_OBJECT(['a'], CAST(NULL AS ARRAY<STRUCT<x INT64>>))",
                "SELECT JSON_OBJECT(['a', NULL], [STRUCT(1 AS x), STRUCT(2 AS x)])",
                "SELECT TO_JSON(STRUCT(1, 2))",
                "SELECT TO_JSON(STRUCT(DATE '2020-01-01' AS d))",
                "SELECT TO_JSON(STRUCT(CAST('inf' AS FLOAT64) AS f))",
                "SELECT id, TO_JSON(PatientID), TO_JSON(ImageType), TO_JSON(InstanceNumber), TO_JSON(Metadata) FROM " + t + "",
                "SELECT JSON_OBJECT('a', 1), JSON_OBJECT(), JSON_OBJECT('b', 'x', 'a', NULL), JSON_OBJECT('a', JSON '[1]', 'c', [TRUE]), JSON_ARRAY(1, 'a'), JSON_ARRAY(), JSON_ARRAY(NULL, JSON '{}', [1, 2])",
                "SELECT JSON_OBJECT('a', 1, 'a', 2)",
                "SELECT JSON_OBJECT(CAST(NULL AS STRING), 1)",
                "SELECT id, JSON_OBJECT('id', id, 'p', PatientID, 'm', Metadata), JSON_ARRAY(id, IsPrimary, ImageType) FROM " + t + "",
                "SELECT JSON_KEYS(JSON '{\"a\":1}'), JSON_KEYS(JSON '{\"a\":{\"b\":1}}'), JSON_KEYS(JSON '{\"a\":{\"b\":1}}', 1), JSON_KEYS(JSON '{\"a\":[{\"b\":1}]}'), JSON_KEYS(JSON '{\"a\":[{\"b\":1}]}', mode => 'lax'), JSON_KEYS(JSON '{\"a\":[[{\"b\":1}]]}', mode => 'lax'), JSON_KEYS(JSON '{\"a\":[[{\"b\":1}]]}', mode => 'lax recursive'), JSON_KEYS(JSON '[{\"z\":1}]', mode => 'lax'), JSON_KEYS(JSON '1')",
                "SELECT JSON_KEYS(JSON '{\"a.b\": 1}')",
                "SELECT JSON_KEYS(JSON '{\"a\": 1}', 0)",
                "SELECT id, JSON_KEYS(Metadata) FROM " + t + "",
                "SELECT JSON_STRIP_NULLS(JSON '{\"a\":null}'), JSON_STRIP_NULLS(JSON '{\"a\": 1, \"b\": null, \"c\": [1, null, {\"d\": null}]}'), JSON_STRIP_NULLS(JSON '{\"a\": 1, \"b\": null, \"c\": [1, null, {\"d\": null}]}', include_arrays => FALSE), JSON_STRIP_NULLS(JSON '{\"a\": 1, \"b\": null, \"c\": [null, {\"d\": null}]}', remove_empty => TRUE), JSON_STRIP_NULLS(JSON '{\"a\": null}', remove_empty => TRUE), JSON_STRIP_NULLS(JSON 'null'), JSON_STRIP_NULLS(JSON '[null]', remove_empty => TRUE)",
                "SELECT JSON_STRIP_NULLS(JSON '{\"a\": {\"b\": null}, \"c\": null}', '$.a'), JSON_STRIP_NULLS(JSON '{\"a\": {\"b\": null}, \"c\": null}', '$.a', remove_empty => TRUE), JSON_STRIP_NULLS(JSON '{\"a\": 1}', '$.x')",
                "SELECT id, JSON_STRIP_NULLS(Metadata), JSON_STRIP_NULLS(Metadata, remove_empty => TRUE) FROM " + t + "",
                "SELECT JSON_REMOVE(JSON '{\"a\":1}', '$.a'), JSON_REMOVE(JSON '{\"a\":[1,2,3]}', '$.a[1]'), JSON_REMOVE(JSON '{\"a\":[1,2,3]}', '$.a[1]', '$.a[0]'), JSON_REMOVE(JSON '{\"a\":1}', '$.b'), JSON_REMOVE(JSON '{\"a\":{\"b\":1}}', '$.a.b.c'), JSON_REMOVE(JSON '[1]', '$[5]')",
                "SELECT JSON_REMOVE(JSON '{\"a\":1}', '$')",
                "SELECT JSON_REMOVE(JSON '{\"a\":1}', CAST(NULL AS STRING))",
                "SELECT id, JSON_REMOVE(Metadata, '$.a', '$.b.c') FROM " + t + "",
                "SELECT JSON_SET(JSON '{\"a\":1}', '$.b', 2), JSON_SET(JSON '{\"a\":1}', '$.a', 'x'), JSON_SET(JSON '{\"a\":1}', '$', [1]), JSON_SET(JSON '{\"a\":1}', '$.b.c', 2), JSON_SET(JSON '{\"a\":1}', '$.b[2]', 2), JSON_SET(JSON '{\"a\":[1]}', '$.a[3]', 2)",
                "SELECT JSON_SET(JSON '{\"a\":1}', '$.a.b', 2), JSON_SET(JSON '{\"a\":null}', '$.a.b', 2), JSON_SET(JSON '[1]', '$.a', 2), JSON_SET(JSON '{\"a\":1}', '$.b', 2, create_if_missing => FALSE), JSON_SET(JSON '{\"a\":1}', '$.a', 2, create_if_missing => FALSE), JSON_SET(JSON '{\"a\":1}', '$.a', 2, '$.b', JSON '{\"c\":true}')",
                "SELECT JSON_SET(JSON 'null', '$.a', 1), JSON_SET(JSON '{\"a\":[1]}', '$.a[0].b', 1), JSON_SET(JSON '1', '$[0]', 1)",
                "SELECT JSON_SET(JSON '{\"a\":1}', CAST(NULL AS STRING), 2)",
                "SELECT id, JSON_SET(Metadata, '$.a', id), JSON_SET(Metadata, '$.b.d', PatientID) FROM " + t + "",
                "SELECT JSON_ARRAY_APPEND(JSON '[1]', '$', 2), JSON_ARRAY_APPEND(JSON '{\"a\":[1]}', '$.a', [2, 3]), JSON_ARRAY_APPEND(JSON '{\"a\":[1]}', '$.a', [2, 3], append_each_element => FALSE), JSON_ARRAY_APPEND(JSON '{\"a\":1}', '$.a', 2), JSON_ARRAY_APPEND(JSON '{\"a\":[]}', '$.b', 2), JSON_ARRAY_APPEND(JSON '{\"a\":null}', '$.a', 2)",
                "SELECT JSON_ARRAY_INSERT(JSON '[1, 2]', '$[1]', 'x'), JSON_ARRAY_INSERT(JSON '[1, 2]', '$[5]', 'x'), JSON_ARRAY_INSERT(JSON '{\"a\":[1]}', '$.a[0]', [7, 8]), JSON_ARRAY_INSERT(JSON '{\"a\":[1]}', '$.a[0]', [7, 8], insert_each_element => FALSE), JSON_ARRAY_INSERT(JSON '{\"a\":1}', '$.a[0]', 2), JSON_ARRAY_INSERT(JSON '{\"a\":null}', '$.a[0]', 2)",
                "SELECT JSON_ARRAY_INSERT(JSON '[1]', '$', 2)",
                "SELECT JSON_ARRAY_INSERT(JSON '{\"a\":1}', '$.a', 2)",
                "SELECT id, JSON_ARRAY_APPEND(Metadata, '$.arr', id), JSON_ARRAY_INSERT(Metadata, '$.arr[1]', PatientID) FROM " + t + "",
                "SELECT JSON_SET(JSON '{\"a\":null}', '$.a.b', 2, create_if_missing => FALSE), JSON_ARRAY_APPEND(JSON 'null', '$', 1), JSON_ARRAY_INSERT(JSON 'null', '$[1]', 1), JSON_ARRAY_APPEND(JSON '[1]', CAST(NULL AS STRING), 1), JSON_ARRAY_APPEND(JSON '{\"a\":{\"b\":null}}', '$.a.b', [1, 2])",
                "SELECT JSON_SET(JSON '{\"a\":1}', '$.b', CAST('nan' AS FLOAT64))",
                "SELECT LAX_BOOL(JSON 'true'), LAX_BOOL(JSON '\"true\"'), LAX_BOOL(JSON '\"TRUE\"'), LAX_BOOL(JSON '\"foo\"'), LAX_BOOL(JSON '0'), LAX_BOOL(JSON '0.0'), LAX_BOOL(JSON '-1.5'), LAX_BOOL(JSON '[]'), LAX_BOOL(JSON 'null'), LAX_BOOL(NULL)",
                "SELECT LAX_INT64(JSON '10'), LAX_INT64(JSON '10.5'), LAX_INT64(JSON '-10.5'), LAX_INT64(JSON '1e2'), LAX_INT64(JSON 'true'), LAX_INT64(JSON '\"10\"'), LAX_INT64(JSON '\"1.5\"'), LAX_INT64(JSON '\"1e2\"'), LAX_INT64(JSON '\"foo\"'), LAX_INT64(JSON '1e100'), LAX_INT64(JSON '18446744073709551615'), LAX_INT64(JSON '{}')",
                "SELECT LAX_FLOAT64(JSON '10'), LAX_FLOAT64(JSON '10.5'), LAX_FLOAT64(JSON 'true'), LAX_FLOAT64(JSON '\"10.5\"'), LAX_FLOAT64(JSON '\"nan\"'), LAX_FLOAT64(JSON '\"-inf\"'), LAX_FLOAT64(JSON '\"foo\"'), LAX_FLOAT64(JSON '18446744073709551615'), LAX_FLOAT64(JSON '\"1e400\"')",
                "SELECT LAX_STRING(JSON '\"x\"'), LAX_STRING(JSON 'true'), LAX_STRING(JSON '10'), LAX_STRING(JSON '10.0'), LAX_STRING(JSON '1.5'), LAX_STRING(JSON '1e20'), LAX_STRING(JSON '18446744073709551615'), LAX_STRING(JSON 'null'), LAX_STRING(JSON '[1]')",
                "SELECT id, LAX_INT64(Metadata.a), LAX_BOOL(Metadata.a), LAX_FLOAT64(Metadata.a), LAX_STRING(Metadata.a), LAX_STRING(Metadata.b.c) FROM " + t + "");
    }
}
