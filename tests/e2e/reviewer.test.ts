// Reviewer screens end to end, in the real app against the real stack: a reviewer approves one
// merchant application and rejects another with a reason, asks for more information on a third
// with a comment per field, finds a listing by typing 宝马 and
// delists it; an analyst sees the same screens without any action button. Every test makes
// its own fixtures through db() (fresh ids each run) and checks state and audit rows after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { appPath, launch, login, newPage, screenshot } from '../support/browser.ts';
import { db } from '../support/stack.ts';

const PASSWORD = 'demo1234';
const SLOW = { timeout: 60_000 };

let browser: Browser;
let sql: pg.Client;
const run = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  browser = await launch();
  sql = await db();
});
afterAll(async () => {
  await browser?.close();
  await sql?.end();
});

/** A submitted application with a licence (the seed's sample image), oldest in the queue. */
async function makeApplication(label: string): Promise<string> {
  const code = `91110100MA${run.padEnd(8, '0').slice(0, 8)}`.replace(/[IOSVZ]/g, '0');
  const { rows } = await sql.query<{ id: string }>(
    `insert into public.merchant_applications (company_name, kind, category_id, city_code, address, lat, lng, contact_name,
       contact_phone, licence_no, licence_image_url, legal_person_name, state, submitted_at)
     values ($1, 'used_dealer', 1, '110100', '北京市朝阳区车市大道 1 号', 39.9219, 116.4436, '测试联系人', '13900000000',
       $2, 'samples/licence-1.svg', '测试法人', 'submitted', now() - interval '3 years')
     returning id`,
    [`端到端${label}二手车行 ${run}`, code],
  );
  const id = rows[0].id;
  await sql.query(
    `insert into public.merchant_application_documents (application_id, version, doc_type, file_url, doc_number)
     values ($1, 1, 'business_licence', 'samples/licence-1.svg', $2)`,
    [id, code],
  );
  await sql.query(
    `insert into public.merchant_application_history (application_id, version, from_state, to_state)
     values ($1, 1, 'draft', 'submitted')`,
    [id],
  );
  return id;
}

async function auditRows(entity: string, id: string, action: string) {
  const { rows } = await sql.query<{ actor_email: string; reason: string | null }>(
    'select actor_email, reason from public.audit_log where entity = $1 and entity_id = $2 and action = $3',
    [entity, id, action],
  );
  return rows;
}

async function openShow(page: Page, resource: string, id: string) {
  await page.goto(appPath(`${resource}/${id}/show`));
  await page.locator('.RaShow-main, .RaShow-card').first().waitFor(SLOW);
}

describe('reviewer screens', () => {
  it('a reviewer approves one application and rejects another with a reason', async () => {
    const approveId = await makeApplication('通过');
    const rejectId = await makeApplication('驳回');
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'reviewer@demo.test', PASSWORD);

    await page.goto(appPath('merchant_applications'));
    await page.getByText(`端到端通过二手车行 ${run}`).waitFor(SLOW);
    await screenshot(page, 'reviewer-applications-queue');

    // approve: claim, then approve with the default fee plan; the next application opens
    await openShow(page, 'merchant_applications', approveId);
    await page.getByRole('button', { name: '领取审核' }).click();
    await page.getByText('已领取，开始审核').waitFor();
    await page.getByRole('button', { name: '通过' }).first().waitFor();
    await screenshot(page, 'reviewer-application-review');
    await page.getByRole('button', { name: '通过' }).first().click();
    const approveDialog = page.getByRole('dialog');
    await approveDialog.getByRole('button', { name: '通过' }).click();
    await page.getByText('申请已通过').waitFor();
    await page.waitForURL((url) => !url.hash.includes(approveId), SLOW);

    const approved = await sql.query('select state, merchant_id, fee_plan from public.merchant_applications where id = $1', [approveId]);
    expect(approved.rows[0].state).toBe('approved');
    expect(approved.rows[0].merchant_id).toBeTruthy();
    expect((await auditRows('merchant_application', approveId, 'merchant_application.approve'))[0]?.actor_email).toBe('reviewer@demo.test');

    // reject: a reason from the list plus a note, confirmed in a dialog
    await openShow(page, 'merchant_applications', rejectId);
    await page.getByRole('button', { name: '领取审核' }).click();
    await page.getByText('已领取，开始审核').waitFor();
    await page.getByRole('button', { name: '驳回' }).click();
    const rejectDialog = page.getByRole('dialog');
    await expect(rejectDialog.getByRole('button', { name: '驳回' }).isDisabled()).resolves.toBe(true); // reason required
    await rejectDialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '营业执照无效或已过期' }).click();
    await rejectDialog.getByRole('textbox', { name: '说明' }).fill('执照编号查询不到');
    await screenshot(page, 'reviewer-application-reject-dialog');
    await rejectDialog.getByRole('button', { name: '驳回' }).click();
    await page.getByText('申请已驳回').waitFor();
    await page.waitForURL((url) => !url.hash.includes(rejectId), SLOW);

    const rejected = await sql.query('select state, reject_reason from public.merchant_applications where id = $1', [rejectId]);
    expect(rejected.rows[0].state).toBe('rejected');
    expect(rejected.rows[0].reject_reason).toBe('licence_invalid: 执照编号查询不到');
    const audit = await auditRows('merchant_application', rejectId, 'merchant_application.reject');
    expect(audit[0]?.actor_email).toBe('reviewer@demo.test');
    expect(audit[0]?.reason).toBe('licence_invalid: 执照编号查询不到');
    await page.context().close();
  });

  it('a reviewer asks for more information with a comment per field; the history shows the comments', async () => {
    const id = await makeApplication('补充');
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'reviewer@demo.test', PASSWORD);

    await openShow(page, 'merchant_applications', id);
    await page.getByRole('button', { name: '领取审核' }).click();
    await page.getByText('已领取，开始审核').waitFor();
    await page.getByRole('button', { name: '要求补充材料' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: '要求补充材料' });
    await expect(confirm.isDisabled()).resolves.toBe(true); // at least one field comment
    await dialog.getByRole('checkbox', { name: '营业执照' }).check();
    await expect(confirm.isDisabled()).resolves.toBe(true); // a ticked field needs its comment
    await dialog.getByRole('textbox', { name: /对“营业执照”的意见/ }).fill('执照照片模糊，请重新上传清晰的原件照片');
    await dialog.getByRole('checkbox', { name: '地址' }).check();
    await dialog.getByRole('textbox', { name: /对“地址”的意见/ }).fill('请补充门牌号');
    await dialog.getByRole('textbox', { name: '说明' }).fill('两处需修改');
    await screenshot(page, 'reviewer-application-request-info-dialog');
    await confirm.click();
    await page.getByText('已要求申请人补充材料').waitFor();
    await page.waitForURL((url) => !url.hash.includes(id), SLOW);

    const { rows } = await sql.query('select state, field_comments from public.merchant_applications where id = $1', [id]);
    expect(rows[0].state).toBe('need_more_info');
    expect(rows[0].field_comments).toEqual({ licence_image_url: '执照照片模糊，请重新上传清晰的原件照片', address: '请补充门牌号' });
    const { rows: history } = await sql.query(
      `select field_comments, note from public.merchant_application_history where application_id = $1 and to_state = 'need_more_info'`,
      [id],
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ note: '两处需修改', field_comments: rows[0].field_comments });
    const audit = await auditRows('merchant_application', id, 'merchant_application.request_info');
    expect(audit[0]?.actor_email).toBe('reviewer@demo.test');

    // the review page lists the comments of that decision in the history
    await openShow(page, 'merchant_applications', id);
    await page.getByText(`端到端补充二手车行 ${run}`).first().waitFor();
    await page.getByText('地址：请补充门牌号').first().waitFor();
    await screenshot(page, 'reviewer-application-need-more-info');
    await expect(page.getByText('待补充材料', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('营业执照：执照照片模糊，请重新上传清晰的原件照片').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: '要求补充材料' }).count()).resolves.toBe(0); // decided
    await page.context().close();
  });

  it('a reviewer finds a listing by typing 宝马 and delists it', async () => {
    const title = `宝马 X5 2023款 端到端 ${run}`;
    const { rows } = await sql.query<{ id: string }>(
      `insert into public.listings (merchant_id, kind, title, brand_id, series_id, year, mileage_km, city_code, price_fen,
         photos, review_state, shelf_state, submitted_at, approved_at, listed_at)
       select m.id, 'used_sale', $1, 1, 4, 2023, 12000, m.city_code, 45800000, '{cars/suv-white.svg,cars/suv-grey.svg}',
         'approved', 'on', now(), now(), now()
       from public.merchants m where m.status = 'active' and m.kind = 'used_dealer' order by m.id limit 1
       returning id`,
      [title],
    );
    const id = rows[0].id;
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'reviewer@demo.test', PASSWORD);
    await page.goto(appPath('listings'));
    await page.getByRole('tab', { name: '全部车源' }).click(SLOW);
    await page.getByRole('tab', { name: '全部车源', selected: true }).waitFor();
    // 宝马 is a catalogue brand: the search box sends it as an indexed brand filter (brand 1)
    const searched = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('brand_id=in.(1)') && r.ok(), SLOW);
    await page.getByPlaceholder(/搜索品牌/).fill('宝马');
    await searched;
    await page.getByText(title).waitFor(SLOW);
    await page.waitForTimeout(500);
    // every row the search found says 宝马 in its brand, series, model or title
    const rowsText = await page.locator('tbody tr').allInnerTexts();
    expect(rowsText.length).toBeGreaterThan(0);
    expect(rowsText.every((t) => t.includes('宝马'))).toBe(true);
    await screenshot(page, 'reviewer-listings-search');

    await page.getByText(title).click();
    await page.getByRole('button', { name: '强制下架' }).waitFor();
    await screenshot(page, 'reviewer-listing-show');
    await page.getByRole('button', { name: '强制下架' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '车况描述不实' }).click();
    await dialog.getByRole('button', { name: '强制下架' }).click();
    await page.getByText('车源已强制下架').waitFor();

    const after = await sql.query('select shelf_state, forced_off_reason from public.listings where id = $1', [id]);
    expect(after.rows[0].shelf_state).toBe('forced_off');
    expect(after.rows[0].forced_off_reason).toBe('false_info');
    expect((await auditRows('listing', id, 'listing.force_off'))[0]?.actor_email).toBe('reviewer@demo.test');
    await page.context().close();
  });

  it('an analyst sees these screens read-only, with no action buttons', async () => {
    const appId = await makeApplication('只读');
    const { rows: listing } = await sql.query<{ id: string }>(
      `select id from public.listings where review_state = 'pending' order by submitted_at limit 1`,
    );
    const { rows: merchant } = await sql.query<{ id: string }>(
      `select id from public.merchants where status = 'active' order by rank_score desc limit 1`,
    );
    // what the analyst writes; opening a document is audited too (storage.read), that is no change
    const written = `select count(*) as n from public.audit_log where actor_email = 'analyst@demo.test' and action <> 'storage.read'`;
    const { rows: before } = await sql.query<{ n: string }>(written);
    const page = await newPage(browser);
    page.setDefaultTimeout(60_000);
    await login(page, 'analyst@demo.test', PASSWORD);

    await openShow(page, 'merchant_applications', appId);
    await page.getByText(`端到端只读二手车行 ${run}`).first().waitFor();
    for (const name of ['领取审核', '通过', '要求补充材料', '驳回', '下一条']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await screenshot(page, 'analyst-application-readonly');

    await page.goto(appPath('listings'));
    await page.locator('tbody tr').first().waitFor(SLOW);
    await expect(page.locator('tbody input[type="checkbox"]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '导入 CSV' }).count()).resolves.toBe(0);
    await screenshot(page, 'analyst-listings-readonly');

    await openShow(page, 'listings', listing[0].id);
    await page.getByText('状态历史').waitFor();
    for (const name of ['通过', '驳回', '强制下架']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }

    await openShow(page, 'merchants', merchant[0].id);
    await page.getByRole('tab', { name: '基本资料' }).waitFor();
    for (const name of ['暂停营业', '恢复营业', '调整类目/费率']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await screenshot(page, 'analyst-merchant-show');

    await page.goto(appPath('promotions'));
    await page.locator('tbody tr').first().waitFor(SLOW);
    await expect(page.getByRole('button', { name: '取消推广' }).count()).resolves.toBe(0);
    await screenshot(page, 'analyst-promotions');

    await page.goto(appPath('catalogue'));
    await page.getByText('宝马').first().waitFor(SLOW);
    await expect(page.getByRole('button', { name: '新增品牌' }).count()).resolves.toBe(0);

    // nothing changed: the application is still waiting and the analyst wrote no audit row
    const state = await sql.query('select state from public.merchant_applications where id = $1', [appId]);
    expect(state.rows[0].state).toBe('submitted');
    const { rows: after } = await sql.query<{ n: string }>(written);
    expect(after[0].n).toBe(before[0].n);
    await page.context().close();
  });
});
