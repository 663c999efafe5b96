/** "1 box", "12 boxes". */
export const boxCount = (n: number): string => (n === 1 ? '1 box' : `${n} boxes`);
