import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { assignees } from './api';

/** Active customer service staff and admins (the complaint_assignees RPC: names and roles only). */
export function useAssignees() {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['complaint_assignees'],
    queryFn: () => assignees(dataProvider),
    staleTime: 5 * 60_000,
  });
}
