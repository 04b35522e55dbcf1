import { useEffect } from 'react';
import { useGetIdentity } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from './password';

/**
 * Inside the layout: someone still on a password an admin chose goes to the screen where they
 * set their own (the database refuses them everything else anyway).
 */
export const PasswordGate = () => {
  const { identity } = useGetIdentity();
  const navigate = useNavigate();
  const must = !!identity?.mustChangePassword;
  useEffect(() => {
    if (must) navigate(CHANGE_PASSWORD_PATH, { replace: true });
  }, [must, navigate]);
  return null;
};
