import { createClient } from '@supabase/supabase-js';
import type { Database } from '../types/database';

// The one Supabase client of the app. The start script always sets both variables;
// failing loudly beats silently talking to the wrong project.
export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL ?? '';
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY ?? '';

if (!supabaseUrl || !supabaseAnonKey) {
  console.error('VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must be set');
}

export const supabase = createClient<Database>(supabaseUrl || 'http://127.0.0.1:54321', supabaseAnonKey || 'missing-anon-key', {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
