import type { ColDef } from 'ag-grid-community';
import type { HouseholdSummary } from '../../../../shared/api/schemas/household';
import { chinaDate } from '../../../../shared/domain/chinaTime';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/idCard';
import type { Profile } from '../../../../shared/domain/profile';
import { ColourCell } from './registerCells';

/** Household register columns; sortable ones map to the backend's whitelisted sorts. colId = field. */
export function householdColumns(profile: Profile, showFullIds: boolean): ColDef<HouseholdSummary>[] {
  const status = profile.enums.householdStatusLabels as Record<string, string>;
  const { idMaskPattern, phoneMask } = profile.privacy;
  return [
    { colId: 'headName', headerName: '户主', field: 'headName', pinned: 'left', width: 110, sortable: true },
    { colId: 'headIdNumber', headerName: '户主证件号码', field: 'headIdNumber', width: 190, sortable: false, valueFormatter: (p) => (p.value ? (showFullIds ? p.value : maskIdNumber(p.value, idMaskPattern)) : '') },
    { colId: 'villageName', headerName: '行政村', field: 'villageName', width: 110, sortable: true },
    { colId: 'groupName', headerName: '村民小组', field: 'groupName', width: 100, sortable: true },
    { colId: 'memberCount', headerName: '人口', field: 'memberCount', width: 80, sortable: true },
    { colId: 'householdType', headerName: '户类型', field: 'householdType', width: 100, sortable: true },
    { colId: 'status', headerName: '状态', field: 'status', width: 100, sortable: true, valueFormatter: (p) => status[p.value as string] ?? p.value },
    { colId: 'category', headerName: '监测类别', field: 'category', width: 130, sortable: true },
    { colId: 'colour', headerName: '风险颜色', field: 'colour', width: 100, sortable: true, cellRenderer: ColourCell },
    { colId: 'phone', headerName: '联系电话', field: 'phone', width: 130, sortable: true, valueFormatter: (p) => (p.value ? (showFullIds ? p.value : maskPhone(p.value, phoneMask)) : '') },
    { colId: 'householdNo', headerName: '户编号', field: 'householdNo', width: 170, sortable: true },
    { colId: 'address', headerName: '住址', field: 'address', width: 200, sortable: false },
    { colId: 'updatedAt', headerName: '最后修改', field: 'updatedAt', width: 160, sortable: true, valueFormatter: (p) => (p.value ? chinaDate(String(p.value)) : '') },
  ];
}
