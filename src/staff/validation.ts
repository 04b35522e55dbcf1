import { email, maxLength, minLength, regex, required } from 'react-admin';

export const validateEmail = [required(), email()];
export const validateName = [required(), maxLength(60)];
export const validatePassword = [required(), minLength(8, 'validation.password_min')];
export const validatePhone = [regex(/^1\d{10}$/, 'validation.phone')];
export const validateRole = [required()];
