import type { ColDef } from 'ag-grid-community';
import type { MemberRow } from '../../../../shared/api/methods/members';
import { ColourCell, GradeCell } from './registerCells';

const yesNo = (p: { value: boolean }) => (p.value ? '是' : '否');

/** 人员名册 columns. ID numbers and phones arrive already masked for roles without full access. */
export function memberColumns(): ColDef<MemberRow>[] {
  return [
    { colId: 'name', headerName: '姓名', field: 'name', pinned: 'left', width: 100, sortable: true },
    { colId: 'idNumber', headerName: '证件号码', field: 'idNumber', width: 190 },
    { colId: 'sex', headerName: '性别', field: 'sex', width: 70 },
    { colId: 'age', headerName: '年龄', field: 'age', width: 80, sortable: true },
    { colId: 'birthDate', headerName: '出生日期', field: 'birthDate', width: 110, sortable: true, hide: true },
    { colId: 'relation', headerName: '与户主关系', field: 'relation', width: 115, sortable: true },
    { colId: 'headName', headerName: '户主', field: 'headName', width: 100, sortable: true },
    { colId: 'villageName', headerName: '行政村', field: 'villageName', width: 110, sortable: true },
    { colId: 'groupName', headerName: '村民小组', field: 'groupName', width: 100, sortable: true },
    { colId: 'householdColour', headerName: '户风险颜色', field: 'householdColour', width: 115, cellRenderer: ColourCell },
    { colId: 'ethnicity', headerName: '民族', field: 'ethnicity', width: 80 },
    { colId: 'education', headerName: '文化程度', field: 'education', width: 100 },
    { colId: 'schoolStage', headerName: '在校生学段', field: 'schoolStage', width: 115, sortable: true },
    { colId: 'schoolGrade', headerName: '年级', field: 'schoolGrade', width: 130, sortable: true, cellRenderer: GradeCell },
    { colId: 'health', headerName: '健康状况', field: 'health', width: 110, sortable: true, valueFormatter: (p) => (p.value ? `${p.value}${p.data?.disabilityGrade ? `（${p.data.disabilityGrade}）` : ''}` : '') },
    { colId: 'labourSkill', headerName: '劳动技能', field: 'labourSkill', width: 130, sortable: true },
    { colId: 'workPlace', headerName: '务工地点', field: 'workPlace', width: 120 },
    { colId: 'workMonths', headerName: '务工月数', field: 'workMonths', width: 90 },
    { colId: 'publicWelfareJobMonths', headerName: '公益岗月数', field: 'publicWelfareJobMonths', width: 100 },
    { colId: 'insuredMedical', headerName: '医保', field: 'insuredMedical', width: 70, valueFormatter: yesNo },
    { colId: 'dibao', headerName: '低保', field: 'dibao', width: 70, valueFormatter: yesNo },
    { colId: 'tekun', headerName: '特困', field: 'tekun', width: 70, valueFormatter: yesNo },
    { colId: 'phone', headerName: '电话', field: 'phone', width: 120 },
    { colId: 'leftAt', headerName: '减员日期', field: 'leftAt', width: 110, sortable: true, hide: true },
    { colId: 'leftReason', headerName: '减员原因', field: 'leftReason', width: 90, hide: true },
  ];
}
