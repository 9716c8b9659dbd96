// The dicombq web console: the Healthcare API's export flow (datasets, stores, export, operations) and BigQuery
// queries, as a page over the same HTTP API every client calls (docs/http-api.md, docs/console.md).
// Safety: every text from the server is put in the page with textContent (never parsed as HTML); requests go to
// this origin only, with the token in an Authorization header (never a cookie), bodies as application/json.
'use strict';

(() => {
  const TOKEN_KEY = 'dicombq.token';
  const DATASET_KEY = 'dicombq.dataset';
  const REFRESH_MS = 1000;
  // google.rpc.Code numbers, as finished operations carry them
  const CODES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
    'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED',
    'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
  const DISPOSITIONS = [
    ['WRITE_EMPTY', 'Export only if the destination table is empty'],
    ['WRITE_APPEND', 'Append to the destination table'],
    ['WRITE_TRUNCATE', 'Erase all existing data in the destination table before writing the instances'],
  ];
  // PS3.18 filter paths, one per line of a filter file (specification 4)
  const FILTER_PATH = /^\/studies\/[0-9.]+(\/series\/[0-9.]+(\/instances\/[0-9.]+)?)?$/;

  const main = document.getElementById('main');
  let generation = 0; // the page being shown; answers for an older page are dropped
  let refreshTimer = null;

  // ---- DOM: elements are built, never parsed, so a value such as "<script>" stays text ----

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function link(text, route) {
    return el('a', {href: '#/' + route.map(encodeURIComponent).join('/')}, text);
  }

  function show(...nodes) {
    main.replaceChildren(...nodes.flat().filter(node => node !== null && node !== undefined && node !== false));
  }

  function message(kind, text) {
    return el('p', {class: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status'}, text);
  }

  // ---- the HTTP API ----

  class ApiError extends Error {
    constructor(httpStatus, status, text) {
      super(text);
      this.httpStatus = httpStatus;
      this.status = status;
    }
  }

  async function call(method, path, body) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    const init = {method, headers, credentials: 'omit', cache: 'no-store', redirect: 'error'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'UNAVAILABLE', 'The server did not answer (' + e.message + '); is dicombq serve still running?');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : {};
    } catch (ignored) {
      json = null;
    }
    if (!response.ok) {
      const error = json && json.error ? json.error : {};
      const failure = new ApiError(response.status, error.status || String(response.status),
          error.message || text || response.statusText);
      if (response.status === 401) askForToken(failure.message);
      throw failure;
    }
    return json === null ? text : json;
  }

  // Every item of a paged list (Google's list methods: pageToken in, nextPageToken out until the last page).
  async function every(path, key) {
    const items = [];
    let token = null;
    do {
      const answer = await call('GET', token === null ? path
          : path + (path.includes('?') ? '&' : '?') + 'pageToken=' + encodeURIComponent(token));
      items.push(...(answer[key] || []));
      token = answer.nextPageToken || null;
    } while (token !== null);
    return items;
  }

  const healthcare = {
    datasets: () => every('/v1/projects/-/locations/-/datasets', 'datasets').then(list => list.map(d => d.name)),
    stores: dataset => every('/v1/' + dataset + '/dicomStores', 'dicomStores'),
    operations: dataset => every('/v1/' + dataset + '/operations', 'operations'),
    // the newest page (operations.list's default of 100, newest first) is what the page polls while exports run:
    // a running operation is among the newest, and older ones no longer change
    newestOperations: dataset => call('GET', '/v1/' + dataset + '/operations').then(r => r.operations || []),
    exportStore: (store, body) => call('POST', '/v1/' + store + ':export', body),
    cancel: operation => call('POST', '/v1/' + operation + ':cancel', {}),
    log: operation => call('GET', '/logs/' + operation),
  };

  const bigquery = {
    projects: () => every('/bigquery/v2/projects', 'projects').then(list => list.map(p => p.projectReference.projectId)),
    datasets: project => every('/bigquery/v2/projects/' + encodeURIComponent(project) + '/datasets', 'datasets')
        .then(list => list.map(d => d.datasetReference.datasetId)),
    tables: (project, dataset) => every('/bigquery/v2/projects/' + encodeURIComponent(project) + '/datasets/'
        + encodeURIComponent(dataset) + '/tables', 'tables').then(list => list.map(t => t.tableReference.tableId)),
    table: (project, dataset, table) => call('GET', '/bigquery/v2/projects/' + encodeURIComponent(project)
        + '/datasets/' + encodeURIComponent(dataset) + '/tables/' + encodeURIComponent(table)),
    query: async (project, sql) => {
      const base = '/bigquery/v2/projects/' + encodeURIComponent(project) + '/queries';
      let result = await call('POST', base, {query: sql, useLegacySql: false, maxResults: 1000, timeoutMs: 60000});
      // jobs.query answers jobComplete=false when the query outlives timeoutMs: ask again, the server waits
      while (!result.jobComplete) {
        const job = result.jobReference;
        result = await call('GET', base + '/' + encodeURIComponent(job.jobId) + '?timeoutMs=60000&maxResults=1000'
            + (job.location ? '&location=' + encodeURIComponent(job.location) : ''));
      }
      return result;
    },
    // the rows after a jobs.query answer's first page, as arrays of cell values (getQueryResults with pageToken)
    remainingRows: async answer => {
      const job = answer.jobReference;
      const rows = [];
      for (let token = answer.pageToken; token;) {
        const page = await call('GET', '/bigquery/v2/projects/' + encodeURIComponent(job.projectId) + '/queries/'
            + encodeURIComponent(job.jobId) + '?maxResults=1000&pageToken=' + encodeURIComponent(token)
            + (job.location ? '&location=' + encodeURIComponent(job.location) : ''));
        rows.push(...(page.rows || []).map(row => row.f.map(cell => cell.v)));
        token = page.pageToken;
      }
      return rows;
    },
  };

  // ---- the token: only in this tab's session storage ----

  function askForToken(reason) {
    document.getElementById('sign-in-reason').textContent = reason;
    document.getElementById('sign-in').hidden = false;
    document.getElementById('token').focus();
  }

  function showSession() {
    const session = document.getElementById('session');
    if (sessionStorage.getItem(TOKEN_KEY)) {
      session.replaceChildren('Signed in with a token ', el('button', {type: 'button', class: 'link', onclick: () => {
        sessionStorage.removeItem(TOKEN_KEY);
        showSession();
        askForToken('Signed out: the token is forgotten. Enter a token to go on.');
        route();
      }}, 'Sign out'));
    } else {
      session.replaceChildren();
    }
  }

  document.getElementById('sign-in-form').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('token');
    if (!input.value.trim()) return;
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    document.getElementById('sign-in').hidden = true;
    showSession();
    route();
  });

  // ---- names ----

  function parts(name) {
    // projects/P/locations/L/datasets/D[/dicomStores/S | /operations/O]
    const p = name.split('/');
    return {project: p[1], location: p[3], dataset: p[5], leaf: p[7]};
  }

  // ---- pages ----

  async function datasetsPage(page) {
    show(el('h1', {}, 'Datasets'), message('info', 'Loading datasets…'));
    const names = await healthcare.datasets();
    if (page !== generation) return;
    if (names.length === 0) {
      show(el('h1', {}, 'Datasets'), message('info', 'No Healthcare dataset has a DICOM store yet. Create one with'
          + ' dicombq dicom-stores create or POST …/dicomStores?dicomStoreId=STORE (docs/http-api.md).'));
      return;
    }
    show(el('h1', {}, 'Datasets'),
        el('table', {class: 'grid', 'aria-label': 'Healthcare datasets'},
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Dataset'), el('th', {scope: 'col'}, 'Project'),
                el('th', {scope: 'col'}, 'Location'))),
            el('tbody', {}, names.map(name => {
              const p = parts(name);
              return el('tr', {'data-dataset': name}, el('td', {}, link(p.dataset, ['datasets', name])),
                  el('td', {}, p.project), el('td', {}, p.location));
            }))));
  }

  async function datasetPage(page, dataset) {
    sessionStorage.setItem(DATASET_KEY, dataset);
    updateNav();
    const p = parts(dataset);
    const heading = [el('p', {class: 'crumbs'}, link('Datasets', ['datasets']), ' › ', p.project, ' › ', p.location),
      el('h1', {}, 'Dataset ', p.dataset)];
    show(...heading, message('info', 'Loading DICOM stores…'));
    const stores = await healthcare.stores(dataset);
    if (page !== generation) return;
    const body = stores.length === 0
        ? message('info', 'This dataset has no DICOM store.')
        : el('table', {class: 'grid', 'aria-label': 'DICOM stores'},
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'DICOM store'), el('th', {scope: 'col'}, 'Source'),
                el('th', {scope: 'col'}, el('span', {class: 'visually-hidden'}, 'Actions menu')))),
            el('tbody', {}, stores.map(store => el('tr', {'data-store': store.name},
                el('td', {}, parts(store.name).leaf), el('td', {class: 'mono'}, store.source),
                el('td', {}, actionsMenu(store.name))))));
    show(...heading, el('h2', {}, 'DICOM stores'), body,
        el('p', {}, link('Operations of this dataset', ['operations', dataset])));
  }

  function actionsMenu(store) {
    const menu = el('ul', {role: 'menu', class: 'menu', hidden: true},
        el('li', {role: 'none'}, el('button', {type: 'button', role: 'menuitem', onclick: () => {
          location.hash = '#/export/' + encodeURIComponent(store);
        }}, 'Export')));
    const button = el('button', {type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', onclick: () => {
      const open = menu.hidden;
      menu.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) menu.querySelector('button').focus();
    }}, 'Actions');
    menu.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        menu.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    });
    return el('div', {class: 'actions'}, button, menu);
  }

  // specification 1.1, as the server words it; the server checks again, this only answers while typing
  function tableProblem(table) {
    if (table.length === 0) return 'Enter a table name: a new table is created, an existing one is written as the'
        + ' write disposition says.';
    const bytes = new TextEncoder().encode(table).length;
    if (bytes > 1024) return 'The table name has ' + bytes + ' UTF-8 bytes; a table ID has at most 1024.';
    let position = 0;
    for (const ch of table) {
      position++;
      if (!/[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]/u.test(ch)) {
        const code = ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
        return "table '" + table + "' contains '" + ch + "' (U+" + code + ') at character ' + position
            + "; a table ID has 1 to 1024 UTF-8 bytes of Unicode letters, marks, numbers, connector punctuation such"
            + " as '_', dashes and spaces";
      }
    }
    return null;
  }

  function projectProblem(project) {
    if (project.length === 0) return 'Enter a project ID, or choose one with Browse.';
    if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) {
      return "project '" + project + "' is not a project ID: 6 to 30 characters: lowercase ASCII letters, digits"
          + " and '-', starting with a letter and not ending with '-'";
    }
    return null;
  }

  function field(id, labelText, control, hint) {
    const error = el('p', {id: id + '-error', class: 'field-error', 'aria-live': 'polite'});
    control.id = id;
    control.setAttribute('aria-describedby', id + '-error');
    return {
      node: el('div', {class: 'field'}, el('label', {for: id}, labelText), control,
          hint ? el('p', {class: 'hint'}, hint) : null, error),
      control,
      error: text => {
        error.textContent = text || '';
        control.setAttribute('aria-invalid', text ? 'true' : 'false');
      },
    };
  }

  function radio(name, value, labelText, checked, disabled) {
    const id = name + '-' + value;
    return el('div', {class: 'choice'},
        el('input', {type: 'radio', name, id, value, checked, disabled}), el('label', {for: id}, labelText));
  }

  async function exportPage(page, store) {
    const p = parts(store);
    sessionStorage.setItem(DATASET_KEY, 'projects/' + p.project + '/locations/' + p.location + '/datasets/' + p.dataset);
    updateNav();

    const project = field('project', 'Project', el('input', {type: 'text', autocomplete: 'off', spellcheck: 'false'}));
    const browse = el('button', {type: 'button', class: 'secondary'}, 'Browse');
    const projectList = el('ul', {class: 'picker', 'aria-label': 'Projects with warehouse datasets', hidden: true});
    project.node.insertBefore(el('span', {class: 'browse'}, browse), project.node.querySelector('.field-error'));
    project.node.insertBefore(projectList, project.node.querySelector('.field-error'));
    const dataset = field('dataset', 'Dataset', el('select', {}, el('option', {value: ''}, '—')));
    const table = field('table', 'Table', el('input', {type: 'text', autocomplete: 'off', spellcheck: 'false'}),
        'A new or existing table of the dataset.');
    const filter = field('filter', 'Filter file', el('input', {type: 'text', autocomplete: 'off', spellcheck: 'false',
      placeholder: '/path/to/filter.txt'}), 'Optional: a file on the server listing /studies/…, /series/… or'
        + ' /instances/… paths, one per line; only those instances are exported.');
    const includeSource = el('input', {type: 'checkbox', id: 'include-source-store'});
    const exportButton = el('button', {type: 'submit', class: 'primary', disabled: true}, 'Export');
    const outcome = el('div', {id: 'export-outcome', 'aria-live': 'polite'});

    const bigQueryFields = el('div', {class: 'destination', hidden: true},
        project.node, dataset.node, table.node,
        el('fieldset', {}, el('legend', {}, 'Destination table write disposition'),
            DISPOSITIONS.map(([value, text], i) => radio('disposition', value, text, i === 0))),
        filter.node,
        el('details', {}, el('summary', {}, 'Advanced'),
            el('div', {class: 'choice'}, includeSource, el('label', {for: 'include-source-store'}, 'Include the source store')),
            el('fieldset', {}, el('legend', {}, 'Table layout'),
                radio('layout', 'flattened', 'Flattened (one column per attribute)', true),
                radio('layout', 'json', 'JSON (one column of DICOM JSON per instance)', false))));

    const form = el('form', {class: 'export', novalidate: true},
        el('fieldset', {}, el('legend', {}, 'Destination type'),
            radio('destination', 'bigquery', 'BigQuery table', false),
            radio('destination', 'gcs', 'Cloud Storage (not available in dicombq)', false, true)),
        bigQueryFields, el('div', {class: 'buttons'}, exportButton), outcome);

    show(el('p', {class: 'crumbs'}, link('Datasets', ['datasets']), ' › ',
        link(p.dataset, ['datasets', 'projects/' + p.project + '/locations/' + p.location + '/datasets/' + p.dataset]),
        ' › ', p.leaf),
    el('h1', {}, 'Export DICOM store'), el('p', {class: 'mono'}, store), form);

    const chosen = name => form.querySelector('input[name="' + name + '"]:checked');
    let datasetsOf = null; // the project whose datasets the list shows

    function validate() {
      const bigQuery = chosen('destination') !== null && chosen('destination').value === 'bigquery';
      bigQueryFields.hidden = !bigQuery;
      const projectError = projectProblem(project.control.value.trim());
      const tableError = tableProblem(table.control.value);
      project.error(project.control.value === '' ? '' : projectError);
      table.error(table.control.value === '' && !table.control.dataset.touched ? '' : tableError);
      exportButton.disabled = !bigQuery || projectError !== null || tableError !== null || dataset.control.value === '';
    }

    async function loadDatasets() {
      const id = project.control.value.trim();
      if (projectProblem(id) !== null || id === datasetsOf) return;
      datasetsOf = id;
      dataset.control.replaceChildren(el('option', {value: ''}, 'Loading…'));
      dataset.error('');
      try {
        const ids = await bigquery.datasets(id);
        if (page !== generation || datasetsOf !== id) return;
        dataset.control.replaceChildren(el('option', {value: ''}, ids.length ? 'Choose a dataset' : '—'),
            ...ids.map(d => el('option', {value: d}, d)));
        if (ids.length === 1) dataset.control.value = ids[0];
        if (ids.length === 0) dataset.error('Project ' + id + ' has no warehouse dataset; an export needs an existing one:'
            + ' dicombq datasets create ' + id + '.DATASET');
      } catch (e) {
        if (page !== generation) return;
        datasetsOf = null;
        dataset.control.replaceChildren(el('option', {value: ''}, '—'));
        dataset.error(e.message);
      }
      validate();
    }

    browse.addEventListener('click', async () => {
      projectList.hidden = false;
      projectList.replaceChildren(el('li', {}, 'Loading projects…'));
      try {
        const projects = await bigquery.projects();
        if (page !== generation) return;
        projectList.replaceChildren(...(projects.length ? projects.map(id => el('li', {},
            el('button', {type: 'button', class: 'link', onclick: () => {
              project.control.value = id;
              projectList.hidden = true;
              validate();
              loadDatasets();
            }}, id))) : [el('li', {}, 'No project has a warehouse dataset yet.')]));
      } catch (e) {
        projectList.replaceChildren(el('li', {class: 'field-error'}, e.message));
      }
    });
    form.addEventListener('change', validate);
    project.control.addEventListener('input', validate);
    project.control.addEventListener('change', loadDatasets);
    table.control.addEventListener('input', () => {
      table.control.dataset.touched = 'yes';
      validate();
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      validate();
      if (exportButton.disabled) return;
      const destination = {
        tableUri: 'bq://' + project.control.value.trim() + '.' + dataset.control.value + '.' + table.control.value,
        writeDisposition: chosen('disposition').value,
      };
      if (includeSource.checked) destination.includeSourceStore = true;
      if (chosen('layout').value === 'json') destination.schemaJson = {};
      const body = {bigqueryDestination: destination};
      if (filter.control.value.trim()) body.filterConfig = {resourcePathsGcsUri: filter.control.value.trim()};
      exportButton.disabled = true;
      filter.error('');
      outcome.replaceChildren(message('info', 'Starting the export…'));
      try {
        const operation = await healthcare.exportStore(store, body);
        if (page !== generation) return;
        outcome.replaceChildren(el('p', {class: 'message ok', role: 'status'}, 'Export started: operation ',
            el('span', {id: 'operation-name', class: 'mono'}, operation.name), ' ',
            link('See it in Operations', ['operations', 'projects/' + p.project + '/locations/' + p.location
                + '/datasets/' + p.dataset])));
      } catch (e) {
        if (page !== generation) return;
        // the API's message, next to the button; a filter file problem also next to its field
        outcome.replaceChildren(el('p', {id: 'export-error', class: 'message error', role: 'alert'}, e.message));
        if (/filter file/i.test(e.message)) filter.error(e.message);
      }
      validate();
    });
    validate();
  }

  // ---- operations: rows are updated in place, so a button stays the same element while the list refreshes ----

  function counters(operation) {
    const c = (operation.metadata && operation.metadata.counter) || {};
    return (c.success || '0') + ' done, ' + (c.failure || '0') + ' failed, ' + (c.pending || '0') + ' pending';
  }

  function status(operation) {
    if (!operation.done) {
      return {text: operation.metadata && operation.metadata.cancelRequested ? 'Cancelling' : 'Running', kind: 'running',
        detail: ''};
    }
    if (operation.error) {
      const code = operation.error.code;
      return {text: 'Failed', kind: 'failed', detail: (CODES[code] || 'code') + ' (' + code + '): ' + operation.error.message};
    }
    return {text: 'OK', kind: 'ok', detail: ''};
  }

  // RFC 3339 from the API, shown to the second: 2026-11-25 09:48:11 UTC
  function time(rfc3339) {
    return rfc3339 ? rfc3339.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
  }

  function operationRow(operation, withDataset) {
    const cells = {
      status: el('td', {class: 'status'}),
      detail: el('td', {class: 'detail'}),
      counters: el('td', {class: 'counters'}),
      ended: el('td', {class: 'time'}),
      actions: el('td', {}),
    };
    const p = parts(operation.name);
    const row = el('tr', {'data-operation': operation.name},
        el('td', {class: 'mono id'}, p.leaf), withDataset ? el('td', {}, p.project + ' / ' + p.dataset) : null,
        el('td', {class: 'time'}, time(operation.metadata && operation.metadata.createTime)), cells.ended, cells.status,
        cells.detail, cells.counters, el('td', {}, link('Log', ['log', operation.name])), cells.actions);
    row.cells_ = cells;
    return row;
  }

  function updateRow(row, operation) {
    const cells = row.cells_;
    const s = status(operation);
    cells.status.textContent = s.text;
    cells.status.className = 'status ' + s.kind;
    cells.detail.textContent = s.detail;
    cells.counters.textContent = counters(operation);
    cells.ended.textContent = time(operation.metadata && operation.metadata.endTime);
    const cancel = cells.actions.querySelector('button');
    if (operation.done && cancel) cancel.remove();
    if (!operation.done && !cancel) {
      const button = el('button', {type: 'button', class: 'secondary', onclick: async () => {
        button.disabled = true;
        try {
          await healthcare.cancel(operation.name);
        } catch (e) {
          cells.detail.textContent = e.message;
          button.disabled = false;
        }
      }}, 'Cancel');
      cells.actions.append(button);
    }
  }

  async function operationsPage(page, dataset) {
    if (dataset) {
      sessionStorage.setItem(DATASET_KEY, dataset);
      updateNav();
    }
    const title = dataset ? ['Operations of ', parts(dataset).dataset] : ['Operations'];
    show(el('h1', {}, ...title), message('info', 'Loading operations…'));
    const datasets = dataset ? [dataset] : await healthcare.datasets();
    const body = el('tbody');
    const rows = new Map();
    let shown = false;

    async function refresh() {
      const lists = await Promise.all(datasets.map(d => shown ? healthcare.newestOperations(d) : healthcare.operations(d)));
      if (page !== generation) return;
      const operations = lists.flat().sort((a, b) => (b.metadata.createTime || '').localeCompare(a.metadata.createTime || ''));
      if (!shown) {
        shown = true;
        show(el('h1', {}, ...title),
            dataset ? el('p', {class: 'crumbs'}, link('Stores of ' + parts(dataset).dataset, ['datasets', dataset]), ' · ',
                link('Operations of every dataset', ['operations'])) : null,
            el('table', {class: 'grid', 'aria-label': 'Operations'},
                el('thead', {}, el('tr', {}, ['Operation ID', dataset ? null : 'Dataset', 'Created', 'Ended', 'Status',
                  'Error', 'Instances', 'Log', ''].filter(h => h !== null)
                    .map(h => el('th', {scope: 'col'}, h)))), body),
            operations.length === 0 ? message('info', 'No operation yet: exports started here or with dicombq appear'
                + ' in this list.') : null);
      }
      let before = body.firstChild;
      for (const operation of operations) {
        let row = rows.get(operation.name);
        if (!row) {
          row = operationRow(operation, !dataset);
          rows.set(operation.name, row);
          body.insertBefore(row, before);
        }
        before = row.nextSibling;
        updateRow(row, operation);
      }
      // counters move while an export runs: read again until every operation is done
      if (operations.some(o => !o.done)) refreshTimer = setTimeout(() => refresh().catch(fail(page)), REFRESH_MS);
    }

    await refresh();
  }

  async function logPage(page, operation) {
    const p = parts(operation);
    show(el('h1', {}, 'Log of operation ', p.leaf), message('info', 'Loading…'));
    const text = await healthcare.log(operation);
    if (page !== generation) return;
    const lines = (typeof text === 'string' ? text : JSON.stringify(text)).split('\n').filter(l => l.trim());
    const entries = lines.map(line => {
      try {
        return JSON.parse(line);
      } catch (e) {
        return {resourceName: line};
      }
    });
    show(el('p', {class: 'crumbs'}, link('Operations', ['operations', 'projects/' + p.project + '/locations/'
        + p.location + '/datasets/' + p.dataset])),
    el('h1', {}, 'Log of operation ', p.leaf),
    entries.length === 0 ? message('ok', 'No instance failed.') : el('table', {class: 'grid', 'aria-label': 'Failed instances'},
        el('thead', {}, el('tr', {}, ['Instance', 'Code', 'Message'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, entries.map(entry => el('tr', {}, el('td', {class: 'mono'}, entry.resourceName || ''),
            el('td', {}, entry.error ? (CODES[entry.error.code] || entry.error.code) : ''),
            el('td', {}, entry.error ? entry.error.message : ''))))));
  }

  // ---- BigQuery: queries and tables ----

  function cellText(value) {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return '[' + value.map(item => cellText(item && typeof item === 'object' && 'v' in item
        ? item.v : item)).join(', ') + ']';
    if (Array.isArray(value.f)) return '{' + value.f.map(item => cellText(item.v)).join(', ') + '}';
    return JSON.stringify(value);
  }

  async function queryPage(page) {
    const project = field('query-project', 'Project', el('select', {}));
    const sql = field('sql', 'SQL', el('textarea', {rows: 6, spellcheck: 'false'}),
        'GoogleSQL, as in BigQuery; name tables `project.dataset.table` (docs/sql.md).');
    const run = el('button', {type: 'submit', class: 'primary'}, 'Run query');
    const results = el('div', {id: 'query-results', 'aria-live': 'polite'});
    const tables = el('div', {class: 'tables'});
    show(el('h1', {}, 'Query'),
        el('div', {class: 'query-layout'},
            el('form', {class: 'query', novalidate: true, onsubmit: async event => {
              event.preventDefault();
              run.disabled = true;
              results.replaceChildren(message('info', 'Running…'));
              try {
                const answer = await bigquery.query(project.control.value, sql.control.value);
                if (page !== generation) return;
                results.replaceChildren(...resultTable(answer));
              } catch (e) {
                if (page !== generation) return;
                results.replaceChildren(el('p', {id: 'query-error', class: 'message error', role: 'alert'}, e.message));
              }
              run.disabled = false;
            }}, project.node, sql.node, el('div', {class: 'buttons'}, run)),
            el('aside', {'aria-label': 'Tables'}, el('h2', {}, 'Tables'), tables)),
        results);
    const projects = await bigquery.projects();
    if (page !== generation) return;
    project.control.replaceChildren(...projects.map(id => el('option', {value: id}, id)));
    if (projects.length === 0) project.error('No project has a warehouse dataset yet.');
    const showTables = async () => {
      const id = project.control.value;
      tables.replaceChildren();
      if (!id) return;
      for (const dataset of await bigquery.datasets(id)) {
        const ids = await bigquery.tables(id, dataset);
        if (page !== generation) return;
        tables.append(el('h3', {}, dataset), ids.length === 0 ? el('p', {class: 'hint'}, 'no table')
            : el('ul', {}, ids.map(t => el('li', {}, link(t, ['table', id, dataset, t])))));
      }
    };
    project.control.addEventListener('change', () => showTables().catch(fail(page)));
    await showTables();
  }

  function resultTable(answer) {
    const fields = (answer.schema && answer.schema.fields) || [];
    const rows = (answer.rows || []).map(row => row.f.map(cell => cell.v));
    const total = Number(answer.totalRows || rows.length);
    const nodes = [el('p', {id: 'row-count'}, total === 1 ? '1 row' : total + ' rows',
        total > rows.length ? ' (the first ' + rows.length + ' shown)' : '')];
    nodes.push(el('table', {class: 'grid', 'aria-label': 'Query results'},
        el('thead', {}, el('tr', {}, fields.map(f => el('th', {scope: 'col'}, f.name)))),
        el('tbody', {}, rows.map(row => el('tr', {}, row.map(value => el('td', {}, cellText(value))))))));
    // a one-column result of DICOMweb paths is a filter file as it is (README, "Filter files")
    const isPath = row => typeof row[0] === 'string' && FILTER_PATH.test(row[0]);
    const paths = fields.length === 1 && rows.length > 0 && rows.every(isPath);
    if (paths) {
      const name = field('filter-file-name', 'File name', el('input', {type: 'text', value: 'filter.txt'}));
      const saveError = el('p', {id: 'save-filter-error', class: 'message error', role: 'alert', hidden: true});
      const save = el('button', {type: 'button', class: 'secondary', onclick: async () => {
        // the file holds every row of the result, not only the page shown
        let all = rows;
        if (total > rows.length) {
          save.disabled = true;
          try {
            all = rows.concat(await bigquery.remainingRows(answer));
          } catch (e) {
            saveError.textContent = e.message;
            saveError.hidden = false;
            return;
          } finally {
            save.disabled = false;
          }
          const bad = all.findIndex(row => !isPath(row));
          if (bad >= 0) {
            saveError.textContent = 'Row ' + (bad + 1) + ' is not a DICOMweb path (/studies/…): ' + String(all[bad][0])
                + '; only a result of paths is a filter file.';
            saveError.hidden = false;
            return;
          }
        }
        saveError.hidden = true;
        const blob = new Blob([all.map(row => row[0]).join('\n') + '\n'], {type: 'text/plain'});
        const url = URL.createObjectURL(blob);
        const anchor = el('a', {href: url, download: name.control.value.trim() || 'filter.txt'});
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }}, 'Save as filter file');
      nodes.push(el('div', {class: 'save-filter'}, name.node, save, saveError,
          el('p', {class: 'hint'}, 'Saves the paths, one per line; give the saved file as the export\'s Filter file.')));
    }
    return nodes;
  }

  function schemaRows(fields, prefix) {
    return fields.flatMap(f => [el('tr', {}, el('td', {class: 'mono'}, prefix + f.name), el('td', {}, f.type),
        el('td', {}, f.mode || 'NULLABLE')), ...(f.fields ? schemaRows(f.fields, prefix + f.name + '.') : [])]);
  }

  async function tablePage(page, project, dataset, table) {
    const title = project + '.' + dataset + '.' + table;
    show(el('h1', {}, 'Table ', title), message('info', 'Loading…'));
    const described = await bigquery.table(project, dataset, table);
    if (page !== generation) return;
    const fields = (described.schema && described.schema.fields) || [];
    show(el('p', {class: 'crumbs'}, link('Query', ['query'])), el('h1', {}, 'Table ', title),
        el('p', {id: 'table-rows'}, 'Rows: ', String(described.numRows || '0')),
        el('h2', {}, 'Schema'),
        el('table', {class: 'grid', 'aria-label': 'Schema'},
            el('thead', {}, el('tr', {}, ['Field', 'Type', 'Mode'].map(h => el('th', {scope: 'col'}, h)))),
            el('tbody', {}, schemaRows(fields, ''))));
  }

  // ---- routing: #/datasets, #/datasets/NAME, #/export/STORE, #/operations[/DATASET], #/log/OP, #/query, #/table/P/D/T

  function updateNav() {
    const dataset = sessionStorage.getItem(DATASET_KEY);
    document.getElementById('nav-operations').setAttribute('href',
        dataset ? '#/operations/' + encodeURIComponent(dataset) : '#/operations');
    const current = (location.hash.split('/')[1] || 'datasets');
    for (const [id, section] of [['nav-datasets', 'datasets'], ['nav-operations', 'operations'], ['nav-query', 'query']]) {
      const a = document.getElementById(id);
      if (section === current || (section === 'datasets' && current === 'export')) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  function fail(page) {
    return e => {
      if (page !== generation) return;
      main.append(el('p', {class: 'message error', role: 'alert'}, e.message));
    };
  }

  function route() {
    generation++;
    clearTimeout(refreshTimer);
    const page = generation;
    const hash = location.hash.replace(/^#\/?/, '');
    const [section, ...rest] = hash.split('/').map(decodeURIComponent);
    updateNav();
    let shown;
    switch (section) {
      case 'datasets':
        shown = rest.length ? datasetPage(page, rest[0]) : datasetsPage(page);
        break;
      case 'export':
        shown = exportPage(page, rest[0]);
        break;
      case 'operations':
        shown = operationsPage(page, rest[0]);
        break;
      case 'log':
        shown = logPage(page, rest[0]);
        break;
      case 'query':
        shown = queryPage(page);
        break;
      case 'table':
        shown = tablePage(page, rest[0], rest[1], rest[2]);
        break;
      default:
        location.replace('#/datasets');
        return;
    }
    shown.catch(fail(page));
    main.focus();
  }

  window.addEventListener('hashchange', route);
  showSession();
  route();
})();
