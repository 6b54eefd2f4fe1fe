import { describe, expect, it } from 'vitest';
import { reachesOfProbes } from './probes.js';

describe('reach through methods', () => {
  it('follows this.method() from a NestJS route method to a private method of the same class', () => {
    const code = `import { Controller, Post } from '@nestjs/common';
@Controller('invoices')
export class InvoicesController {
  @Post(':id/remind')
  async remind() { this.scheduleReminder(); }
  private scheduleReminder() { probe(); }
}
`;
    expect(reachesOfProbes(code)).toEqual([['POST /invoices/:id/remind <- InvoicesController.scheduleReminder']]);
  });

  it('follows this.#private() and arrow callbacks, but not a plain function that rebinds this', () => {
    const code = `import { Controller, Get } from '@nestjs/common';
@Controller('a')
export class A {
  @Get() list() { setTimeout(() => this.#later(), 5); const f = function () { this.other(); }; f(); }
  #later() { probe(); }
  other() { probe(); }
}
`;
    expect(reachesOfProbes(code)).toEqual([['GET /a <- A.#later'], []]);
  });

  it('follows a chain of methods up to callDepth hops', () => {
    const code = `import { Controller, Get } from '@nestjs/common';
@Controller('a')
export class A {
  @Get() list() { this.one(); }
  one() { this.two(); }
  two() { probe(); }
}
`;
    expect(reachesOfProbes(code)).toEqual([['GET /a <- A.one <- A.two']]);
    expect(reachesOfProbes(code, { callDepth: 1 })).toEqual([[]]);
  });

  it('does not follow getters, static methods from instance methods, or methods of another class', () => {
    const code = `import { Controller, Get } from '@nestjs/common';
class Other { helper() { probe(); } }
@Controller('a')
export class A {
  @Get() list() { return this.value + this.helper(); }
  get value() { probe(); return 1; }
  static helper() { probe(); }
}
`;
    expect(reachesOfProbes(code)).toEqual([[], [], []]);
  });

  it('follows methods of a class-based Express controller registered as controller.list and this.list.bind(this)', () => {
    const code = `import { Router } from 'express';
class UserController {
  router = Router();
  constructor() { this.router.post('/users', this.create.bind(this)); }
  async create(req, res) { this.sendWelcome(req.body.email); res.sendStatus(201); }
  async list(req, res) { this.sendWelcome('x'); res.json([]); }
  private sendWelcome(email) { probe(); }
}
const controller = new UserController();
const router = Router();
router.get('/users', controller.list);
`;
    expect(reachesOfProbes(code)).toEqual([['POST /users <- UserController.sendWelcome', 'GET /users <- UserController.sendWelcome']]);
  });

  it('follows methods of a same-module object literal, called from outside and through this', () => {
    const code = `import express from 'express';
const app = express();
const service = {
  async notify(id) { probe(); this.audit(id); },
  audit: (id) => probe(),
  track(id) { probe(); },
};
app.post('/orders', async (req, res) => { service.notify(req.body.id); res.end(); });
`;
    expect(reachesOfProbes(code)).toEqual([['POST /orders <- service.notify'], ['POST /orders <- service.notify <- service.audit'], []]);
  });

  it('follows static methods of a same-module class called by name', () => {
    const code = `import express from 'express';
const app = express();
class Mailer { static send() { probe(); } send() { probe(); } }
app.post('/x', (req, res) => { Mailer.send(); res.end(); });
`;
    expect(reachesOfProbes(code)).toEqual([['POST /x <- Mailer.send'], []]);
  });

  it('does not follow members of let-bound or reassigned objects', () => {
    const code = `import express from 'express';
const app = express();
let service = { notify() { probe(); } };
app.post('/x', (req, res) => { service.notify(); res.end(); });
`;
    expect(reachesOfProbes(code)).toEqual([[]]);
  });
});
