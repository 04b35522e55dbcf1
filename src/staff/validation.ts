import { email, maxLength, minLength, regex, required } from 'react-admin';

export const validateEmail = [required(), email()];
export const validateName = [required(), maxLength(60)];
// as auth checks a new password (config.toml: minimum_password_length, password_requirements)
export const validatePassword = [required(), minLength(10, 'validation.password_min'), regex(/(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])/, 'validation.password_min')];
export const validatePhone = [regex(/^1\d{10}$/, 'validation.phone')];
export const validateRole = [required()];
