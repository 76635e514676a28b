import { describe, expect, it } from 'vitest';
import { handlerName, pickHandler } from '../../../electron/db/write/handlerMatch.js';

const c = (id: number, fqn: string) => ({ id, fqn });

describe('a route handler named in another file', () => {
  it('takes the action of the controller the route names, among every controller with that action', () => {
    const candidates = [c(1, 'UsersController#index'), c(2, 'ProjectsController#index'), c(3, 'Admin::UsersController#index')];
    expect(pickHandler('Admin::UsersController#index', candidates)?.id).toBe(3);
    expect(pickHandler('UsersController#index', candidates)?.id).toBe(1);
    expect(pickHandler('Admin::ProjectsController#index', candidates)).toBeUndefined();
    // A controller the repo does not define is not the only other controller with that action.
    expect(pickHandler('App\\Http\\Controllers\\PhotoController::index', [c(9, 'App\\Controller\\BlogController::index')])).toBeUndefined();
    expect(pickHandler('PhotosController#update', [c(9, 'ProfilesController#update')])).toBeUndefined();
  });

  it('reads PHP names with backslashes, and Laravel\'s Controller@method', () => {
    const candidates = [c(1, 'App\\Http\\Controllers\\Admin\\UserController::show'), c(2, 'App\\Http\\Controllers\\UserController::show')];
    expect(pickHandler('App\\Http\\Controllers\\UserController::show', candidates)?.id).toBe(2);
    expect(pickHandler('UserController@show', [candidates[1]!])?.id).toBe(2);
    expect(handlerName('App\\Http\\Controllers\\UserController::show')).toBe('show');
    expect(handlerName('UserController@show')).toBe('show');
  });

  it('keeps Python\'s module spellings, an aliased module loosely, and a lone candidate', () => {
    expect(pickHandler('views.order_detail', [c(1, 'other.order_detail'), c(2, 'shop.views.order_detail')])?.id).toBe(2);
    // `from shop import views as v`: `v` is no container, but the FQN holds it.
    expect(pickHandler('v.detail', [c(1, 'shop.views.detail'), c(2, 'shop.admin.detail')])?.id).toBe(1);
    expect(pickHandler('detail', [c(7, 'shop.views.detail')])?.id).toBe(7);
    expect(pickHandler('detail', [c(7, 'a.detail'), c(8, 'b.detail')])).toBeUndefined();
  });
});
