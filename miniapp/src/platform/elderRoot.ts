// The weapp tab bar and navigation bar are WeChat's own and follow WeChat's font size; nothing to mark.
export function markElderRoot(_on: boolean): void {}
