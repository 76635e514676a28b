// "Show tests (466)": Entry points and Dependencies leave out rows in test files unless a person asks.
export function ShowTests({ count, shown, onChange, testId }: { count: number; shown: boolean; onChange: (on: boolean) => void; testId: string }) {
  return (
    <label className="row show-tests" title="Rows in test files and test data">
      <input type="checkbox" data-testid={testId} checked={shown} onChange={(e) => onChange(e.target.checked)} /> Show tests ({count.toLocaleString()})
    </label>
  );
}
