import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { errorCode, errorMessageKey, toAppError } from '../../src/providers/errors';

describe('error translation', () => {
  it('reads the stable code PostgREST returns in message (app.fail)', () => {
    const e = new HttpError('illegal_transition', 400, { code: 'P0001', message: 'illegal_transition', details: 'x' });
    expect(errorMessageKey(e)).toBe('errors.illegal_transition');
  });

  it('maps SQLSTATEs and PostgREST codes', () => {
    expect(errorCode(new HttpError('permission denied for table staff', 403, { code: '42501', message: 'permission denied for table staff' }))).toBe('not_permitted');
    expect(errorCode(new HttpError('new row violates row-level security policy', 403, { code: '42501' }))).toBe('not_permitted');
    expect(errorCode(new HttpError('dup', 409, { code: '23505', message: 'duplicate key value' }))).toBe('duplicate');
    expect(errorCode(new HttpError('JWT expired', 401, { code: 'PGRST301', message: 'JWT expired' }))).toBe('session_expired');
    expect(errorCode(new HttpError('x', 406, { code: 'PGRST116' }))).toBe('not_found');
  });

  it('reads edge function errors { error: { code, message } }', () => {
    expect(errorMessageKey({ message: 'a login with this email exists', status: 409, body: { error: { code: 'email_exists', message: 'a login with this email exists' } } })).toBe('errors.email_exists');
    expect(errorMessageKey({ message: 'nope', body: { error: { code: 'not_permitted' } } })).toBe('errors.not_permitted');
  });

  it('reads GoTrue codes and network failures', () => {
    expect(errorCode({ name: 'AuthApiError', message: 'Invalid login credentials', code: 'invalid_credentials', status: 400 })).toBe('invalid_credentials');
    expect(errorCode({ name: 'AuthApiError', message: 'User is banned', code: 'user_banned', status: 400 })).toBe('staff_inactive');
    expect(errorCode(new TypeError('Failed to fetch'))).toBe('network');
  });

  it('keeps an unknown message as is, and falls back to errors.unknown', () => {
    expect(errorMessageKey(new Error('Something specific'))).toBe('Something specific');
    expect(errorMessageKey({})).toBe('errors.unknown');
    expect(errorMessageKey(null)).toBe('errors.unknown');
  });

  it('rethrows as an HttpError keeping the status for checkError', () => {
    const e = toAppError(new HttpError('not_permitted', 403, { code: '42501', message: 'not_permitted' }));
    expect(e).toBeInstanceOf(HttpError);
    expect(e.message).toBe('errors.not_permitted');
    expect(e.status).toBe(403);
    expect(toAppError({ message: 'x', context: { status: 409 }, body: { error: { code: 'email_exists' } } }).status).toBe(409);
  });
});
