import { expect, test, type Locator } from '@playwright/test';

/** The value beside a label in a binding's or a channel's list of fields. */
function field(scope: Locator, label: string): Locator {
  return scope.locator('.binding-fields > div', { has: scope.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
}

test.describe('an event API page, read from the reader’s side', () => {
  test('an AsyncAPI 3 operation says "You receive" what the application sends, under a heading of its own', async ({ page }) => {
    await page.goto('/apis/order-events/');
    const operations = page.locator('.operations > li.operation');
    await expect(operations).toHaveCount(4);
    const headings = await operations.locator('h4').allInnerTexts();
    for (const heading of headings) expect(heading).toMatch(/^You receive\s/);
    expect(new Set(headings).size).toBe(4);
    await expect(operations.first().locator('h4')).toContainText('Order created');
    const searchTitles = await operations.evaluateAll((items) => items.map((item) => item.getAttribute('data-pagefind-title')));
    expect(searchTitles).toContain('You receive: Order shipped');
    expect(new Set(searchTitles).size).toBe(4);
  });

  test('an operation shows its channel: address, description, parameters, Kafka binding and servers with their protocol', async ({ page }) => {
    await page.goto('/apis/order-events/');
    const channel = page.locator('.operations > li.operation').first().locator('.channel-details');
    await expect(channel.locator('.channel-address')).toContainText('partner.{partnerId}.product-order.v3');
    await expect(channel).toContainText('Every event about the product orders placed by the partner');
    await expect(channel.locator('.channel-parameters')).toContainText('{partnerId}');
    await expect(channel.locator('.binding-name').first()).toHaveText(/Kafka channel binding/);
    await expect(field(channel, 'Topic')).toContainText('partner.{partnerId}.product-order.v3');
    await expect(field(channel, 'Partitions')).toHaveText('6');
    await expect(field(channel, 'Replicas')).toHaveText('3');
    await expect(field(channel, 'Retention')).toContainText('14 days');
    await expect(channel.locator('.channel-servers li').first()).toContainText(/production\s*Kafka \(TLS\) 3\.7/);
    await expect(field(page.locator('.operations > li.operation').first(), 'Consumer group')).toContainText('PTN-0042.order-sync');
  });

  test('an AsyncAPI 2 subscribe operation is one the reader receives, with its channel’s Kafka topic and its message’s key', async ({ page }) => {
    await page.goto('/apis/customer-events/');
    const created = page.locator('#on-customer-created, #onCustomerCreated').first();
    await expect(created.locator('h4')).toContainText('You receive');
    await expect(created.locator('.op-summary')).toHaveCount(0);
    await expect(field(created.locator('.channel-details'), 'Topic')).toHaveText('nordwave.customer.created.v1');
    await expect(field(created.locator('.channel-details'), 'Retention')).toContainText('7 days');
    await expect(field(created.locator('.message'), 'Key')).toContainText('The customer identifier.');
  });

  test('a webhook operation shows its HTTP method and the headers each delivery carries', async ({ page }) => {
    await page.goto('/apis/network-incident-events/');
    const opened = page.locator('.operations > li.operation').first();
    await expect(opened.locator('h4')).toContainText(/You receive\s*Incident opened/);
    await expect(field(opened, 'Method')).toHaveText('POST');
    await expect(field(opened.locator('.message'), 'Headers › X-Nordwave-Delivery')).toContainText('string, uuid, required');
    await expect(opened.locator('.channel-servers')).toContainText('HTTPS');
  });
});
