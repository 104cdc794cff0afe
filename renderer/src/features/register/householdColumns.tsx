import type { ColDef } from 'ag-grid-community';
import type { HouseholdSummary } from '../../../../shared/api/schemas/household';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/idCard';
import type { Profile } from '../../../../shared/domain/profile';
import { ColourTag } from '../common/ColourTag';

/** Household register columns; sortable ones map to the backend's whitelisted sorts. */
export function householdColumns(profile: Profile, showFullIds: boolean): ColDef<HouseholdSummary>[] {
  const status = profile.enums.householdStatusLabels as Record<string, string>;
  return [
    { headerName: '户主', field: 'headName', pinned: 'left', width: 110, sortable: true },
    { headerName: '户主证件号码', field: 'headIdNumber', width: 190, sortable: false, valueFormatter: (p) => (p.value ? (showFullIds ? p.value : maskIdNumber(p.value)) : '') },
    { headerName: '行政村', field: 'villageName', width: 110, sortable: true },
    { headerName: '村民小组', field: 'groupName', width: 100, sortable: true },
    { headerName: '人口', field: 'memberCount', width: 80, sortable: true },
    { headerName: '户类型', field: 'householdType', width: 100, sortable: true },
    { headerName: '状态', field: 'status', width: 100, sortable: true, valueFormatter: (p) => status[p.value as string] ?? p.value },
    { headerName: '监测类别', field: 'category', width: 130, sortable: true },
    { headerName: '风险颜色', field: 'colour', width: 100, sortable: true, cellRenderer: (p: { value: string | null }) => <ColourTag colour={p.value} /> },
    { headerName: '联系电话', field: 'phone', width: 130, sortable: true, valueFormatter: (p) => (p.value ? (showFullIds ? p.value : maskPhone(p.value)) : '') },
    { headerName: '户编号', field: 'householdNo', width: 170, sortable: true },
    { headerName: '住址', field: 'address', width: 200, sortable: false },
  ];
}
