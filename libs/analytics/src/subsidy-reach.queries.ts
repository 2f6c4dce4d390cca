/** A site with its staff, the diners among them and the subsidy used and due over the range. */
export interface SiteReachRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  has_canteen: boolean;
  staff: number;
  diners: number;
  used_fen: number;
  entitled_fen: number;
}
