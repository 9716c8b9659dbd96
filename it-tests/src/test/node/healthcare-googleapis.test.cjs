// The official generated Node.js client of the Cloud Healthcare API (googleapis, healthcare v1) against a real
// `dicombq serve`. Run by the it-test GoogleapisHealthcareClientTest, which starts the server and sets:
//   DICOMBQ_URL      the server's root URL (http://127.0.0.1:PORT)
//   DICOMBQ_TOKEN    a bearer token of a store admin on DICOMBQ_PROJECT
//   DICOMBQ_PROJECT  the project; location us-central1, dataset node-dataset
//   DICOMBQ_STUDY    a folder of DICOM files under the server's folder roots (one instance of CT_small.dcm)
//   DICOMBQ_FILTER   a filter file under the roots selecting that instance's study
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {google} = require('googleapis');

const rootUrl = process.env.DICOMBQ_URL + '/';
const project = process.env.DICOMBQ_PROJECT;
const dataset = `projects/${project}/locations/us-central1/datasets/node-dataset`;
const bearer = {Authorization: 'Bearer ' + process.env.DICOMBQ_TOKEN};
const healthcare = google.healthcare({version: 'v1', rootUrl, headers: bearer});
const stores = healthcare.projects.locations.datasets.dicomStores;
const operations = healthcare.projects.locations.datasets.operations;

/** The Google error envelope of a failed call: {code, message, status}. */
async function failure(call) {
  try {
    await call;
  } catch (e) {
    assert.ok(e.response, 'an HTTP answer, not ' + e);
    const error = e.response.data && e.response.data.error;
    assert.ok(error, 'the envelope in ' + JSON.stringify(e.response.data));
    assert.equal(error.code, e.response.status);
    return error;
  }
  assert.fail('the call succeeded');
}

async function done(name) {
  for (let i = 0; i < 600; i++) {
    const {data} = await operations.get({name});
    if (data.done) {
      return data;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  assert.fail(name + ' did not finish within a minute');
}

async function exportTo(table, filter) {
  const requestBody = {bigqueryDestination: {tableUri: `bq://${project}.imaging.${table}`}};
  if (filter) {
    requestBody.filterConfig = {resourcePathsGcsUri: filter};
  }
  return stores.export({name: `${dataset}/dicomStores/node-store-0`, requestBody});
}

test('dicomStores.create, get and delete', async () => {
  for (let i = 0; i < 5; i++) {
    const {data} = await stores.create({parent: dataset, dicomStoreId: 'node-store-' + i,
      requestBody: {source: process.env.DICOMBQ_STUDY}});
    assert.equal(data.name, `${dataset}/dicomStores/node-store-${i}`);
  }
  const {data} = await stores.get({name: `${dataset}/dicomStores/node-store-1`});
  assert.equal(data.source, process.env.DICOMBQ_STUDY);
  const temporary = await stores.create({parent: dataset, dicomStoreId: 'node-temporary',
    requestBody: {source: process.env.DICOMBQ_STUDY}});
  await stores.delete({name: temporary.data.name});
  const gone = await failure(stores.get({name: temporary.data.name}));
  assert.equal(gone.status, 'NOT_FOUND');
});

test('dicomStores.list pages with pageSize and pageToken', async () => {
  const names = [];
  const sizes = [];
  let pageToken;
  do {
    const {data} = await stores.list({parent: dataset, pageSize: 2, pageToken});
    (data.dicomStores || []).forEach(store => names.push(store.name));
    sizes.push((data.dicomStores || []).length);
    pageToken = data.nextPageToken;
  } while (pageToken && sizes.length < 10);
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.equal(new Set(names).size, 5);
  const all = await stores.list({parent: dataset});
  assert.equal(all.data.dicomStores.length, 5);
  assert.equal(all.data.nextPageToken, undefined);
});

test('a bad page token is INVALID_ARGUMENT', async () => {
  const error = await failure(stores.list({parent: dataset, pageToken: 'not-a-token'}));
  assert.equal(error.code, 400);
  assert.equal(error.status, 'INVALID_ARGUMENT');
  assert.match(error.message, /page token/);
});

test('dicomStores.export with a file://localhost filter runs to done', async () => {
  const {data} = await exportTo('node_filtered', 'file://localhost' + process.env.DICOMBQ_FILTER);
  const operation = await done(data.name);
  assert.equal(operation.error, undefined, JSON.stringify(operation));
  assert.equal(operation.metadata.counter.success, '1');
  assert.equal(operation.response['@type'], 'type.googleapis.com/google.protobuf.Empty', 'specification 2: the response of a finished export is Empty');
});

test('a filter URI of another scheme is INVALID_ARGUMENT naming it', async () => {
  const error = await failure(exportTo('node_never', 'https://attacker.example/filter.txt'));
  assert.equal(error.code, 400);
  assert.equal(error.status, 'INVALID_ARGUMENT');
  assert.match(error.message, /the scheme 'https:' is not supported/);
});

test('operations.list pages, operations.cancel of a finished operation', async () => {
  for (const table of ['node_a', 'node_b']) {
    await done((await exportTo(table)).data.name);
  }
  const first = await operations.list({name: dataset, pageSize: 1});
  assert.equal(first.data.operations.length, 1);
  assert.ok(first.data.nextPageToken);
  const second = await operations.list({name: dataset, pageSize: 1, pageToken: first.data.nextPageToken});
  assert.equal(second.data.operations.length, 1);
  assert.notEqual(second.data.operations[0].name, first.data.operations[0].name);
  const cancelled = await operations.cancel({name: first.data.operations[0].name});
  assert.equal(cancelled.status, 200);
  assert.deepEqual(cancelled.data, {});
});

test('errors carry the envelope: unknown store, over-long project, no credentials', async () => {
  const missing = await failure(stores.get({name: `${dataset}/dicomStores/no-such-store`}));
  assert.equal(missing.status, 'NOT_FOUND');
  const longProject = await failure(stores.list({parent: `projects/${'p'.repeat(2000)}/locations/us-central1/datasets/d`}));
  assert.equal(longProject.status, 'INVALID_ARGUMENT');
  const anonymous = google.healthcare({version: 'v1', rootUrl});
  const unauthenticated = await failure(anonymous.projects.locations.datasets.dicomStores.list({parent: dataset}));
  assert.equal(unauthenticated.status, 'UNAUTHENTICATED');
});
