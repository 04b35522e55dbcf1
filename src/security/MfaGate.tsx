import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { supabase } from '../providers/supabase';
import { mfaPath, mfaStep } from './mfa';

/**
 * Inside the layout: a user with a verified authenticator whose session is still aal1
 * (signed in with the password only, or a session restored from before) goes to the code
 * screen first. Reads the local session only (no request).
 */
export const MfaGate = () => {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    let live = true;
    void mfaStep(supabase).then((step) => {
      if (live && step === 'verify') navigate(mfaPath(location.pathname + location.search), { replace: true });
    });
    return () => {
      live = false;
    };
  }, [location.pathname, location.search, navigate]);
  return null;
};
