// Where a command of the `talapker` CLI writes: the process's streams when run, strings when tested.

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const processIo: CommandIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
