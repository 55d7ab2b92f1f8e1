import { main } from "./main";

// The `shared-apportion` executable: run, then exit with the command's code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
