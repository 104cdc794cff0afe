/** Building blocks shared by every form's view model (see model.ts). */

/** Money in integer 分 (cents). Printed as 元 with two decimals. */
export type Fen = number;
/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'YYYY-MM' */
export type IsoMonth = string;

/** Place names for headers, from settings (县（市、区）/乡（镇）/村). */
export interface OfficeVM {
  省?: string;
  市?: string;
  县: string;
  乡镇: string;
  村: string;
}

/**
 * A signature: a PNG captured on a signature pad, or a mark that the person signed the paper copy
 * (the clerk recorded the village's paper, DOMAIN §5). Neither → the cell stays empty for a pen.
 */
export interface SignatureVM {
  签名图片?: Uint8Array;
  纸质签字?: boolean;
}

/** A named person who signs (核实人, 核算人, 审核人). */
export interface SignedPersonVM extends SignatureVM {
  姓名: string;
  /** 单位或职务, e.g. 「镇干部」「驻村第一书记」 */
  身份?: string;
}

/** 民主评议 result for one household (forms.md §3.3 row 10, §4.2 row 12). */
export interface VoteSummaryVM {
  评议日期: IsoDate;
  应到人数: number;
  实到人数: number;
  同意: number;
  不同意: number;
  弃权?: number;
  评议结果: '通过' | '不通过';
}

/** 村内公示 period and objections (forms.md §3.3 row 11, §4.2 row 13). */
export interface PostingPeriodVM {
  开始日期: IsoDate;
  结束日期: IsoDate;
  有异议: boolean;
  /** how an objection was investigated and resolved */
  异议处理?: string;
}
