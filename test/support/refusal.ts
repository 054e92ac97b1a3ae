/** 'OK' if `run` passes, else the code of the domain error it throws: for table-driven rule tests. */
export function codeOf(run: () => void): string {
  try {
    run();
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
}
