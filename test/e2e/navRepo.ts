// A small TypeScript service in several files for the navigation e2e tests: an express route whose
// handler calls across files down to SQL (pg) and HTTP (axios), a doc-commented helper called from
// two places, and one name defined in two files and called without an import (two candidates).
export const NAV_REPO: Record<string, string> = {
  'src/util/format.ts': `/**
 * Formats cents as euros.
 * Always two decimals.
 */
export function formatPrice(cents: number): string {
  return '€' + (cents / 100).toFixed(2);
}
`,
  'src/orders/repository.ts': `import { Pool } from 'pg';

const pool = new Pool();

export async function loadOrderCents(id: string): Promise<number> {
  const result = await pool.query('SELECT cents FROM orders WHERE id = $1', [id]);
  return result.rows[0].cents;
}
`,
  'src/payments/client.ts': `import axios from 'axios';

export async function chargeCard(cents: number): Promise<void> {
  await axios.post('https://pay.example.com/charge', { cents });
}
`,
  'src/orders/service.ts': `import { formatPrice } from '../util/format';
import { loadOrderCents } from './repository';
import { chargeCard } from '../payments/client';

export async function orderTotal(id: string): Promise<string> {
  const cents = await loadOrderCents(id);
  await chargeCard(cents);
  return formatPrice(cents);
}

export function receiptLine(cents: number): string {
  return 'Total: ' + formatPrice(cents);
}
`,
  'src/server.ts': `import express from 'express';
import { orderTotal } from './orders/service';

const app = express();

export async function getOrder(req: { params: { id: string } }, res: { send(s: string): void }) {
  res.send(await orderTotal(req.params.id));
}

app.get('/orders/:id', getOrder);
`,
  'src/legacy/slugA.ts': `export function slugify(text: string): string {
  return text.toLowerCase();
}
`,
  'src/legacy/slugB.ts': `export function slugify(text: string): string {
  return text.replace(/ /g, '-');
}
`,
  'src/legacy/page.ts': `declare const title: string;

export const slug = slugify(title);
`,
  // Rust has symbols but no occurrence pass: definitions and references are found by name, as candidates.
  'crates/pool/src/blocking.rs': `/// Runs f on a thread of its own.
pub fn spawn_blocking() {}
`,
  'crates/pool/src/fs.rs': `use crate::blocking::spawn_blocking;

pub fn open() {
    spawn_blocking();
}
`,
  // C++: a method declared in its class (a header named .h) and defined out of line in another file.
  'native/include/arena.h': `namespace store {

class Arena {
 public:
  char* Allocate(size_t bytes);
};

}  // namespace store
`,
  'native/src/arena.cc': `#include "arena.h"

namespace store {

char* Arena::Allocate(size_t bytes) {
  return new char[bytes];
}

}  // namespace store
`,
  'native/src/main.cc': `#include "arena.h"

int main() {
  store::Arena arena;
  char* p = arena.Allocate(16);
  return p != nullptr;
}
`,
  // A Go test table: its rows' keys and the range variable's fields are the anonymous struct's.
  'go/orders_test.go': `package orders

import "testing"

func TestTotal(t *testing.T) {
	tests := []struct {
		name  string
		cents int
	}{
		{name: "one", cents: 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { _ = tt.cents })
	}
}
`,
  // A Rails route whose action is in a controller: its flow is read by name, and its SQL and HTTP calls marked.
  'config/routes.rb': `Rails.application.routes.draw do
  resources :invoices, only: [:show]
end
`,
  'app/controllers/invoices_controller.rb': `class InvoicesController < ApplicationController
  def show
    @invoice = find_invoice(params[:id])
    notify_billing(@invoice)
  end

  private

  def find_invoice(id)
    Invoice.find_by_sql("SELECT * FROM invoices WHERE id = #{id}").first
  end

  def notify_billing(invoice)
    Faraday.post('https://billing.example.com/hooks', invoice.to_json)
  end
end
`,
  'package.json': JSON.stringify({ name: 'nav-fixture', dependencies: { express: '^4.19.0', pg: '^8.11.0', axios: '^1.7.0' } }, null, 2),
};

/** Lines (1-based) the tests look for. */
export const FORMAT_PRICE_DEF_LINE = 5;
export const ORDER_TOTAL_CALL_LINE = 8;
