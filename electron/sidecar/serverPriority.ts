// The Chroma server runs below the app's priority: filling its graph after a first index kept both cores busy, and
// keyword search slowed from 5.9 / 13.8 ms (p50 / p95) to 10.0 / 26.3 ms until it was done; at this niceness 6.6 /
// 15.5 ms. The fill is 8% slower while searches run and ~5% slower alone (the sync's own thread comes first). A semantic
// query on a machine loaded by other programs pays for it: 8 → 12 ms at p50 (README, "The vector side stays out of the way").
export const VECTOR_SERVER_NICENESS = 10;
