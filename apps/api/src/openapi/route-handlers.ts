import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

export interface RouteHandler {
  readonly controller: Type;
  readonly handler: (...args: never[]) => unknown;
}

/** The name the OpenAPI document gives an operation: `<Controller>_<method>`, unique across the API. */
export function operationId(controllerName: string, methodName: string): string {
  return `${controllerName}_${methodName}`;
}

/** Every controller method of the application by its operation id, as the access guard sees them (handler, class). */
export function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const id = operationId(controller.name, name);
        if (handlers.has(id) && handlers.get(id)!.controller !== controller) throw new Error(`two controllers are named ${controller.name}: operation ids would clash`);
        handlers.set(id, { controller, handler: handler as RouteHandler['handler'] });
      }
    }
  }
  return handlers;
}
