/**
 * Names a field key may not take.
 *
 * 1. Object.prototype members: data objects are keyed by field keys, and a key such as
 *    `__proto__` or `constructor` invites prototype pollution or shadowed lookups.
 * 2. Formula function names (matched case-insensitively, like Excel): a field named `sum`
 *    would read as the function in a formula. The list covers the Excel groups the formula
 *    engine draws from — math, statistical, logical, text, date & time, lookup and
 *    information — plus TRUE/FALSE and Formwork's platform functions (USER, DEPT, RECORD_ID).
 *    Financial, engineering, database, cube, web and sheet-reference functions (PRICE,
 *    RATE, YIELD, DURATION, ADDRESS, OFFSET…) are deliberately not reserved, so that common
 *    business keys like `price`, `rate` or `address` stay usable; a call is told apart
 *    from a field by its `(`. `tests/runtime/definition/reserved.test.ts` fails when the
 *    engine registers a function missing here.
 *    SUBTOTAL is left out on purpose: `subtotal` is the natural key of an order's
 *    subtotal (and the engine does not implement SUBTOTAL, whose range semantics need a sheet).
 *    Names containing a dot (`CEILING.MATH`) cannot collide with a key and are omitted.
 */

const OBJECT_MEMBERS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];

const MATH = `ABS ACOS ACOSH ACOT ACOTH AGGREGATE ARABIC ASIN ASINH ATAN ATAN2 ATANH BASE CEILING COMBIN
  COMBINA COS COSH COT COTH CSC CSCH DECIMAL DEGREES EVEN EXP FACT FACTDOUBLE FLOOR GCD INT LCM LN LOG
  LOG10 MDETERM MINVERSE MMULT MOD MROUND MULTINOMIAL MUNIT ODD PI POWER PRODUCT QUOTIENT RADIANS RAND
  RANDARRAY RANDBETWEEN ROMAN ROUND ROUNDDOWN ROUNDUP SEC SECH SEQUENCE SERIESSUM SIGN SIN SINH SQRT
  SQRTPI SUM SUMIF SUMIFS SUMPRODUCT SUMSQ SUMX2MY2 SUMX2PY2 SUMXMY2 TAN TANH TRUNC`;

const STATISTICAL = `AVEDEV AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BETADIST BETAINV BINOMDIST CHIDIST CHIINV
  CHITEST CONFIDENCE CORREL COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS COVAR CRITBINOM DEVSQ EXPONDIST FDIST
  FINV FISHER FISHERINV FORECAST FREQUENCY FTEST GAMMA GAMMADIST GAMMAINV GAMMALN GAUSS GEOMEAN GROWTH
  HARMEAN HYPGEOMDIST INTERCEPT KURT LARGE LINEST LOGEST LOGINV LOGNORMDIST MAX MAXA MAXIFS MEDIAN MIN
  MINA MINIFS MODE NEGBINOMDIST NORMDIST NORMINV NORMSDIST NORMSINV PEARSON PERCENTILE PERCENTRANK PERMUT
  PERMUTATIONA PHI POISSON PROB QUARTILE RANK RSQ SKEW SLOPE SMALL STANDARDIZE STDEV STDEVA STDEVP
  STDEVPA STEYX TDIST TINV TREND TRIMMEAN TTEST VAR VARA VARP VARPA WEIBULL ZTEST`;

const LOGICAL = `AND FALSE IF IFERROR IFNA IFS LAMBDA LET NOT OR SWITCH TRUE XOR`;

const TEXT = `ASC BAHTTEXT CHAR CLEAN CODE CONCAT CONCATENATE DBCS DOLLAR EXACT FIND FINDB FIXED LEFT LEFTB
  LEN LENB LOWER MID MIDB NUMBERVALUE PROPER REGEXEXTRACT REGEXREPLACE REGEXTEST REPLACE REPLACEB REPT
  RIGHT RIGHTB RMB SEARCH SEARCHB SUBSTITUTE T TEXT TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TRIM UNICHAR
  UNICODE UPPER VALUE`;

const DATE_TIME = `DATE DATEDIF DATEVALUE DAY DAYS DAYS360 EDATE EOMONTH HOUR ISOWEEKNUM MINUTE MONTH
  NETWORKDAYS NOW SECOND TIME TIMEVALUE TODAY WEEKDAY WEEKNUM WORKDAY YEAR YEARFRAC`;

const LOOKUP = `CHOOSE CHOOSECOLS CHOOSEROWS COLUMNS DROP EXPAND FILTER HLOOKUP HSTACK INDEX LOOKUP MATCH
  ROW ROWS SORT SORTBY TAKE TOCOL TOROW TRANSPOSE UNIQUE VLOOKUP VSTACK WRAPCOLS WRAPROWS XLOOKUP XMATCH`;

const INFORMATION = `ISBLANK ISERR ISERROR ISEVEN ISFORMULA ISLOGICAL ISNA ISNONTEXT ISNUMBER ISODD ISREF
  ISTEXT N NA TYPE`;

const PLATFORM = `USER DEPT RECORD_ID`;

/** Upper-case Excel function names reserved as keys. */
export const RESERVED_FUNCTION_NAMES: ReadonlySet<string> = new Set(
  [MATH, STATISTICAL, LOGICAL, TEXT, DATE_TIME, LOOKUP, INFORMATION, PLATFORM]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

const RESERVED_OBJECT_MEMBERS: ReadonlySet<string> = new Set(
  OBJECT_MEMBERS.map((name) => name.toUpperCase()),
);

/** Why `key` is reserved, or null when it is free. Case-insensitive. */
export function reservedKeyReason(key: string): 'object-member' | 'function-name' | null {
  const upper = key.toUpperCase();
  if (RESERVED_OBJECT_MEMBERS.has(upper)) return 'object-member';
  if (RESERVED_FUNCTION_NAMES.has(upper)) return 'function-name';
  return null;
}

export function isReservedKey(key: string): boolean {
  return reservedKeyReason(key) !== null;
}
