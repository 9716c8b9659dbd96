// The official Node.js BigQuery client (@google-cloud/bigquery) against dicombq's BigQuery emulator. Run by the
// it-test NodeBigQueryClientTest, which starts the emulator and sets:
//   DICOMBQ_BIGQUERY_URL  the emulator's root URL (http://127.0.0.1:PORT)
//   DICOMBQ_PROJECT       the project
//   DICOMBQ_NDJSON        a newline-delimited JSON file of two rows for the types table, for table.load()
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {BigQuery} = require('@google-cloud/bigquery');
const path = require('node:path');
// the google-auth-library the client itself uses (googleapis brings another major version beside it)
const {OAuth2Client} = require(require.resolve('google-auth-library',
    {paths: [path.dirname(require.resolve('@google-cloud/common'))]}));

const projectId = process.env.DICOMBQ_PROJECT;
// The emulator needs no credentials; a fixed token keeps the client from looking for Google's (metadata server,
// ADC), and gives its multipart upload the headers object it assumes an authorized request has.
const authClient = new OAuth2Client();
authClient.setCredentials({access_token: 'dicombq-emulator'});
const bigquery = new BigQuery({projectId, apiEndpoint: process.env.DICOMBQ_BIGQUERY_URL, authClient, autoRetry: false});
const dataset = bigquery.dataset('node');
const schema = [
  {name: 'wake', type: 'TIME'},
  {name: 'local', type: 'DATETIME'},
  {name: 'day', type: 'DATE'},
  {name: 'at', type: 'TIMESTAMP'},
  {name: 'amount', type: 'NUMERIC'},
  {name: 'raw', type: 'BYTES'},
  {name: 'doc', type: 'JSON'},
  {name: 'x', type: 'FLOAT'},
  {name: 'ok', type: 'BOOLEAN'},
  {name: 'codes', type: 'RECORD', mode: 'REPEATED', fields: [
    {name: 'code', type: 'STRING'},
    {name: 'times', type: 'TIME', mode: 'REPEATED'},
  ]},
];

test.before(async () => {
  await dataset.create();
  const [table] = await dataset.createTable('types', {schema});
  await table.insert([
    {wake: '07:30:00', local: '2020-01-02T03:04:05', day: '2020-01-02', at: '2020-01-02 03:04:05.123456 UTC',
      amount: '1.50', raw: Buffer.from([0, 1, 2]).toString('base64'), doc: '{"a":[1,2]}', x: 'NaN', ok: true,
      codes: [{code: 'c1', times: ['20:40:54', '00:00:00.000001']}]},
    {wake: '06:00:00.500000', local: '2020-01-02 03:04:05.25', x: '-Infinity', ok: false},
  ]);
});

/** Issue 17 item 1: the cells as the client decodes them; TIME '07:30:00.0' was the reported failure. */
function assertRows(rows) {
  assert.equal(rows.length, 2);
  const [first, second] = rows[0].wake.value === '07:30:00' ? rows : [rows[1], rows[0]];
  assert.equal(first.wake.value, '07:30:00');
  assert.equal(second.wake.value, '06:00:00.500000');
  assert.equal(first.local.value, '2020-01-02T03:04:05');
  assert.equal(second.local.value, '2020-01-02T03:04:05.250000');
  assert.equal(first.day.value, '2020-01-02');
  assert.ok(first.at.value.startsWith('2020-01-02T03:04:05.123456'), first.at.value);
  assert.equal(String(first.amount), '1.5');
  assert.deepEqual([...first.raw], [0, 1, 2]);
  assert.deepEqual(typeof first.doc === 'string' ? JSON.parse(first.doc) : first.doc, {a: [1, 2]});
  assert.ok(Number.isNaN(first.x));
  assert.equal(second.x, -Infinity);
  assert.equal(first.ok, true);
  assert.equal(second.ok, false);
  assert.equal(first.codes[0].code, 'c1');
  assert.deepEqual(first.codes[0].times.map(t => t.value), ['20:40:54', '00:00:00.000001']);
  assert.equal(second.at, null);
  assert.deepEqual(second.codes, []);
}

test('tabledata.list cells are BigQuery\'s text for every type', async () => {
  const [rows] = await dataset.table('types').getRows();
  assertRows(rows);
});

test('tabledata.list pages of one row carry every row once', async () => {
  const table = dataset.table('types');
  const [firstPage, nextQuery] = await table.getRows({maxResults: 1, autoPaginate: false});
  assert.equal(firstPage.length, 1);
  assert.ok(nextQuery && nextQuery.pageToken, 'a next page');
  const [secondPage, last] = await table.getRows({...nextQuery, autoPaginate: false});
  assert.equal(last, null);
  assertRows([...firstPage, ...secondPage]);
});

test('query results are BigQuery\'s text for every type', async () => {
  const [rows] = await bigquery.query({query: 'SELECT * FROM `node.types`'});
  assertRows(rows);
});

test('named and positional query parameters are bound', async () => {
  const [named] = await bigquery.query({query: 'SELECT @word AS w, @n + 1 AS m', params: {word: 'x', n: 41}});
  assert.deepStrictEqual(named, [{w: 'x', m: 42}]);
  // an array of params: the client sends parameterMode POSITIONAL and no names
  const [positional] = await bigquery.query({query: 'SELECT ? AS w, ? + 1 AS m', params: ['y', 1]});
  assert.deepStrictEqual(positional, [{w: 'y', m: 2}]);
});

test('timestamps come back the same without int64 timestamps', async () => {
  const [rows] = await dataset.table('types').getRows({'formatOptions.useInt64Timestamp': false});
  const first = rows.find(row => row.at !== null);
  // the client reads legacy TIMESTAMP cells (epoch seconds such as "1.577934245123456E9") as a JavaScript number
  assert.ok(first.at.value.startsWith('2020-01-02T03:04:05.123'), first.at.value);
});

/** Issue 17 item 2: table.load() of a local file uploads with uploadType=multipart. */
test('table.load() of a local newline-delimited JSON file loads it', async () => {
  const [loaded] = await dataset.createTable('loaded', {schema});
  const [job] = await loaded.load(process.env.DICOMBQ_NDJSON, {sourceFormat: 'NEWLINE_DELIMITED_JSON'});
  assert.equal(job.status.state, 'DONE');
  assert.equal(job.status.errorResult, undefined);
  const [rows] = await loaded.getRows();
  assertRows(rows);
});

/** Issue 17 item 3: maxResults and page tokens on the list methods. */
test('datasets and tables are listed in pages', async () => {
  for (const name of ['more0', 'more1', 'more2']) {
    await bigquery.dataset(name).create();
  }
  const [firstPage, nextQuery] = await bigquery.getDatasets({maxResults: 2, autoPaginate: false});
  assert.equal(firstPage.length, 2);
  assert.ok(nextQuery && nextQuery.pageToken, 'a next page');
  const all = [];
  let query = {maxResults: 2, autoPaginate: false};
  for (let pages = 0; query; pages++) {
    assert.ok(pages < 3, 'two pages of two');
    const [page, next] = await bigquery.getDatasets(query);
    all.push(...page.map(d => d.id));
    query = next ? {...next, autoPaginate: false} : null;
  }
  assert.deepEqual(all.sort(), ['more0', 'more1', 'more2', 'node']);
  const [tables, nextTables] = await dataset.getTables({maxResults: 1, autoPaginate: false});
  assert.equal(tables.length, 1);
  assert.ok(nextTables && nextTables.pageToken, 'node.types and node.loaded: a second page');
  await assert.rejects(bigquery.getDatasets({pageToken: 'not-a-token', autoPaginate: false}),
      e => e.code === 400 && /Invalid page token/.test(e.message));
});
