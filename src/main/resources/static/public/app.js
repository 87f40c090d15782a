// The public page: checks a pasted account against /api/public/verify and lists the official
// accounts from /api/public/accounts. Everything the server sends is inserted as text through
// DOM APIs, never as HTML: unit names and the echoed query are data anyone may have shaped.
'use strict';

(() => {
  // Mirrors org.officialaccounts.registry.Platform; an unknown code is shown as it is.
  const PLATFORMS = {
    X: ['إكس (تويتر)', 'X (Twitter)'],
    INSTAGRAM: ['إنستغرام', 'Instagram'],
    SNAPCHAT: ['سناب شات', 'Snapchat'],
    YOUTUBE: ['يوتيوب', 'YouTube'],
    FACEBOOK: ['فيسبوك', 'Facebook'],
  };

  // Mirrors org.officialaccounts.registry.UnitType.
  const UNIT_TYPES = {
    MINISTRY: ['الوزارة', 'Ministry'],
    LEADERSHIP_OFFICE: ['مكتب قيادي', 'Leadership office'],
    CENTRAL_DEPARTMENT: ['إدارة مركزية', 'Central department'],
    EDUCATION_DEPARTMENT: ['منطقة تعليمية', 'Education department'],
    EDUCATION_OFFICE: ['مكتب تعليمي', 'Education office'],
    SCHOOL: ['مدرسة', 'School'],
    NEIGHBOURHOOD_CLUB: ['نادي الحي', 'Neighbourhood club'],
    CULTURAL_ATTACHE: ['ملحقية ثقافية', 'Cultural attaché'],
    SCHOOL_ABROAD: ['مدرسة في الخارج', 'School abroad'],
    AGENCY: ['هيئة', 'Agency'],
  };

  // Ten rows fit a phone screen or two; the API allows up to 100.
  const PAGE_SIZE = 10;
  // Waits for a pause in typing so a search does not cost one request per key press
  // against the per-client rate limit.
  const TYPING_PAUSE_MS = 300;

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- DOM helpers (text only)

  /** An element with attributes and children; strings become text nodes, null is skipped. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === '') {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Arabic, then English on its own line; either may be missing. */
  function bi(ar, en, tag = 'span') {
    return [
      ar ? el(tag, { class: 'ar', lang: 'ar' }, ar) : null,
      en ? el(tag, { class: 'en', lang: 'en', dir: 'ltr' }, en) : null,
    ];
  }

  /**
   * Arabic and English on one line; each side is isolated so that parentheses and digits of one
   * language do not jump across the other.
   */
  function pair(ar, en, attrs) {
    return el('span', attrs || null,
      el('bdi', { lang: 'ar' }, ar), ' / ', el('bdi', { lang: 'en', dir: 'ltr' }, en));
  }

  function platformNames(code) {
    return PLATFORMS[code] || [code, code];
  }

  function unitTypeNames(code) {
    return UNIT_TYPES[code] || [code, code];
  }

  /**
   * A link only for an https address; anything else (a javascript: URL smuggled into the data,
   * say) is shown as plain text.
   */
  function accountLink(url, text) {
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch (e) {
      // not an absolute address: shown as text below
    }
    const label = text || url;
    if (!parsed || parsed.protocol !== 'https:') {
      return el('span', { class: 'ltr', dir: 'ltr' }, label);
    }
    return el('a', { href: parsed.href, dir: 'ltr', class: 'ltr', rel: 'noopener noreferrer' }, label);
  }

  function withoutScheme(url) {
    return String(url || '').replace(/^https:\/\//, '');
  }

  const DATE_AR = new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'long' });
  const DATE_EN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

  /** [Arabic, English] renderings of an ISO timestamp, or null. */
  function dates(iso) {
    if (!iso) {
      return null;
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : [DATE_AR.format(date), DATE_EN.format(date)];
  }

  /** One row of a fact list: a bilingual term and its value nodes. */
  function fact(ar, en, ...value) {
    return el('div', null,
      el('dt', null, pair(ar, en)),
      el('dd', null, ...value));
  }

  async function readJson(response) {
    try {
      return await response.json();
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- answer cards

  function card(status, mark, titleAr, titleEn, ...content) {
    return el('article', { class: 'answer', 'data-status': status },
      el('h3', null,
        el('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
        el('span', { class: 'title' }, bi(titleAr, titleEn))),
      ...content);
  }

  function messages(answer) {
    return bi(answer.messageAr, answer.messageEn, 'p');
  }

  function unitFact(unit) {
    if (!unit) {
      return null;
    }
    const type = unitTypeNames(unit.type);
    return fact('الجهة', 'Unit',
      bi(unit.nameAr, unit.nameEn),
      el('span', { class: 'unit-type' }, pair(type[0], type[1]), ' · ', el('bdi', { dir: 'ltr' }, unit.code)));
  }

  function platformFact(code) {
    if (!code) {
      return null;
    }
    const names = platformNames(code);
    return fact('المنصة', 'Platform', bi(names[0], names[1]));
  }

  function dateFact(ar, en, iso) {
    const shown = dates(iso);
    return shown ? fact(ar, en, bi(shown[0], shown[1])) : null;
  }

  function officialCard(answer) {
    return card('official', '✓', 'حساب رسمي', 'Official account',
      messages(answer),
      el('dl', { class: 'facts' },
        unitFact(answer.unit),
        platformFact(answer.platform),
        answer.canonicalUrl ? fact('الرابط', 'Address', accountLink(answer.canonicalUrl)) : null,
        dateFact('رسمي منذ', 'Official since', answer.officialSince)));
  }

  function closedCard(answer) {
    const successor = answer.successor;
    let next;
    if (successor && successor.canonicalUrl) {
      const names = platformNames(successor.platform);
      next = el('div', { class: 'successor' },
        el('p', { class: 'follow' }, bi('تابع الحساب الرسمي الجديد بدلًا منه:', 'Follow the new official account instead:')),
        accountLink(successor.canonicalUrl),
        el('p', null, pair(names[0], names[1], { class: 'unit-type' })),
        el('p', null, bi(successor.unitNameAr, successor.unitNameEn)));
    } else {
      next = el('p', { class: 'successor' },
        bi('لم يُسجَّل حساب بديل له.', 'No replacement account has been registered.'));
    }
    return card('closed', '⚠', 'حساب مغلق', 'Closed account',
      messages(answer),
      next,
      el('dl', { class: 'facts' },
        unitFact(answer.unit),
        platformFact(answer.platform),
        // The closed account is shown but not linked: it is no longer the ministry's voice.
        answer.canonicalUrl
          ? fact('الرابط القديم', 'Old address', el('span', { class: 'ltr', dir: 'ltr' }, answer.canonicalUrl))
          : null,
        dateFact('أُغلق في', 'Closed on', answer.closedSince)));
  }

  function unknownCard(answer) {
    return card('unknown', '✗', 'ليس حسابًا رسميًا', 'Not an official account',
      messages(answer),
      answer.canonicalUrl
        ? el('dl', { class: 'facts' },
          platformFact(answer.platform),
          // Not a link: the page must not send readers to an account it cannot vouch for.
          fact('الحساب', 'Account', el('span', { class: 'ltr', dir: 'ltr' }, answer.canonicalUrl)))
        : null,
      el('p', null,
        bi('لا تعتمد على ما ينشره على أنه صادر عن الوزارة. ابحث عن الجهة في قائمة الحسابات الرسمية.',
          'Do not rely on what it posts as coming from the ministry. Look the unit up in the list of official accounts.')),
      el('p', null, el('a', { href: '#list' }, pair('قائمة الحسابات الرسمية', 'List of official accounts'))));
  }

  function answerCard(answer) {
    switch (answer && answer.status) {
      case 'official':
        return officialCard(answer);
      case 'closed':
        return closedCard(answer);
      default:
        return unknownCard(answer || {});
    }
  }

  function errorCard(titleAr, titleEn, ...content) {
    return card('error', 'ⓘ', titleAr, titleEn, ...content);
  }

  /** A 400: the API's field reasons, in Arabic where it gives one. */
  function invalidCard(problem) {
    const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    const reasons = errors.length
      ? errors.map((e) => el('div', { class: 'reason' }, bi(e.reasonAr, e.reason, 'p')))
      : [el('p', { dir: 'auto' }, (problem && problem.detail) || '')];
    return errorCard('لا يمكن التحقق من هذا الإدخال', 'This cannot be checked', reasons);
  }

  /**
   * The API's bilingual detail ("English / العربية") with the Arabic first like the rest of the
   * page; a detail of any other shape is shown as it is.
   */
  function bilingualDetail(detail) {
    const parts = String(detail).split(' / ');
    if (parts.length === 2 && /[\u0600-\u06FF]/.test(parts[1]) && !/[\u0600-\u06FF]/.test(parts[0])) {
      return bi(parts[1], parts[0], 'p');
    }
    return el('p', { dir: 'auto' }, detail);
  }

  /** A 429: the API's bilingual detail, or the wait from Retry-After. */
  function rateLimitCard(problem, retryAfter) {
    const seconds = Number.parseInt(retryAfter, 10);
    const detail = problem && problem.detail
      ? bilingualDetail(problem.detail)
      : el('p', null, bi(
        `حاول مرة أخرى بعد ${Number.isFinite(seconds) ? seconds : 60} ثانية.`,
        `Try again in ${Number.isFinite(seconds) ? seconds : 60} seconds.`));
    return errorCard('طلبات كثيرة', 'Too many requests', detail);
  }

  function unreachableCard() {
    return errorCard('تعذّر الاتصال بالخدمة', 'The service could not be reached',
      bi('تحقق من اتصالك وحاول مرة أخرى بعد قليل.', 'Check your connection and try again in a moment.', 'p'));
  }

  // ---------------------------------------------------------------- the check

  let checkNumber = 0;

  async function check(text, platform) {
    const result = $('verify-result');
    const button = $('verify-submit');
    if (!text.trim()) {
      result.replaceChildren(errorCard('لم تُدخل شيئًا', 'Nothing to check',
        bi('الصق رابط الحساب أو اكتب معرّفه مثل @moe_kw.', 'Paste the account link or type its handle such as @moe_kw.', 'p')));
      $('verify-input').focus();
      return;
    }
    // A slow answer to an earlier check must not overwrite the answer to a later one.
    const mine = ++checkNumber;
    const params = new URLSearchParams({ url: text });
    if (platform) {
      params.set('platform', platform);
    }
    result.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-busy', 'true');
    result.replaceChildren(el('p', { class: 'checking' }, bi('جارٍ التحقق…', 'Checking…')));
    let cards;
    try {
      const response = await fetch(`/api/public/verify?${params}`, {
        headers: { Accept: 'application/json, application/problem+json' },
      });
      const body = await readJson(response);
      if (response.ok && body && Array.isArray(body.answers) && body.answers.length) {
        cards = body.answers.map(answerCard);
      } else if (response.status === 429) {
        cards = [rateLimitCard(body, response.headers.get('Retry-After'))];
      } else if (response.status === 400) {
        cards = [invalidCard(body)];
      } else {
        cards = [unreachableCard()];
      }
    } catch (e) {
      cards = [unreachableCard()];
    }
    if (mine !== checkNumber) {
      return;
    }
    result.replaceChildren(...cards);
    result.setAttribute('aria-busy', 'false');
    button.removeAttribute('aria-busy');
    // The address bar now holds a link that repeats this check, to share or bookmark.
    history.replaceState(null, '', `?${params}${location.hash}`);
    result.scrollIntoView({ block: 'nearest' });
  }

  // ---------------------------------------------------------------- the list

  const list = { q: '', platform: '', unitType: '', page: 0, total: 0, number: 0 };

  function accountRow(account) {
    const names = platformNames(account.platform);
    const since = dates(account.officialSince);
    return el('li', { class: 'account-row' },
      el('div', { class: 'unit' }, bi(account.unitNameAr, account.unitNameEn)),
      el('div', { class: 'meta' },
        pair(names[0], names[1], { class: 'badge' }),
        accountLink(account.canonicalUrl, withoutScheme(account.canonicalUrl)),
        since ? pair(`رسمي منذ ${since[0]}`, `official since ${since[1]}`, { class: 'since' }) : null));
  }

  function listProblem(response, body) {
    if (response.status === 429 && body && body.detail) {
      return [bilingualDetail(body.detail)];
    }
    const reasons = body && Array.isArray(body.errors) ? body.errors : [];
    if (reasons.length) {
      return reasons.map((e) => (e.reasonAr ? pair(e.reasonAr, e.reason) : el('bdi', { dir: 'auto' }, e.reason)));
    }
    return [pair('تعذّر تحميل القائمة، حاول مرة أخرى.', 'The list could not be loaded, please try again.')];
  }

  async function loadList() {
    const mine = ++list.number;
    const rows = $('list-results');
    const status = $('list-status');
    const params = new URLSearchParams({ page: String(list.page), size: String(PAGE_SIZE) });
    for (const name of ['q', 'platform', 'unitType']) {
      if (list[name]) {
        params.set(name, list[name]);
      }
    }
    rows.setAttribute('aria-busy', 'true');
    let items = null;
    let problem = null;
    try {
      const response = await fetch(`/api/public/accounts?${params}`, { headers: { Accept: 'application/json' } });
      const body = await readJson(response);
      if (response.ok && body && Array.isArray(body.items)) {
        items = body.items;
        list.total = Number(body.total) || 0;
      } else {
        problem = listProblem(response, body);
      }
    } catch (e) {
      problem = listProblem({ status: 0 }, null);
    }
    if (mine !== list.number) {
      return;
    }
    if (problem) {
      status.replaceChildren(...problem.map((p) => el('span', { class: 'problem' }, p)));
      rows.replaceChildren();
      list.total = 0;
    } else {
      status.replaceChildren(pair(`عدد الحسابات: ${list.total}`, `Accounts: ${list.total}`));
      rows.replaceChildren(...(items.length
        ? items.map(accountRow)
        : [el('li', { class: 'empty' }, bi('لا توجد حسابات رسمية مطابقة.', 'No matching official accounts.'))]));
    }
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    $('list-page').textContent = `${Math.min(list.page + 1, pages)} / ${pages}`;
    $('list-prev').disabled = list.page <= 0;
    $('list-next').disabled = (list.page + 1) * PAGE_SIZE >= list.total;
    rows.setAttribute('aria-busy', 'false');
  }

  function readFilters() {
    list.q = $('list-filter').value.trim();
    list.platform = $('list-platform').value;
    list.unitType = $('list-unit-type').value;
    list.page = 0;
  }

  // ---------------------------------------------------------------- wiring

  function start() {
    const input = $('verify-input');
    const platform = $('verify-platform');
    $('verify-form').addEventListener('submit', (event) => {
      event.preventDefault();
      check(input.value, platform.value);
    });

    let typing = null;
    $('list-filter').addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        readFilters();
        loadList();
      }, TYPING_PAUSE_MS);
    });
    $('list-form').addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      readFilters();
      loadList();
    });
    for (const id of ['list-platform', 'list-unit-type']) {
      $(id).addEventListener('change', () => {
        readFilters();
        loadList();
      });
    }
    $('list-prev').addEventListener('click', () => {
      list.page = Math.max(0, list.page - 1);
      loadList();
    });
    $('list-next').addEventListener('click', () => {
      list.page += 1;
      loadList();
    });

    // A shared link such as /?url=https://x.com/moe_kw checks that account straight away.
    const query = new URLSearchParams(location.search);
    if (query.get('url')) {
      input.value = query.get('url');
      if (PLATFORMS[query.get('platform')]) {
        platform.value = query.get('platform');
      }
      check(input.value, platform.value);
    }
    loadList();
  }

  start();
})();
