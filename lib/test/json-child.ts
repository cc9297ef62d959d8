import { spawn } from "node:child_process";

/**
 * Runs `script` in a Node process of its own (with tsx and the server's conditions), its
 * one argument `question` as JSON, and resolves with the JSON its last line of output
 * prints; rejects with what it wrote when it fails. For the tests that need a second
 * instance of the app on the same database.
 */
export function askAnotherProcess<Answer>(script: string, question: unknown, env: Record<string, string | undefined>): Promise<Answer> {
  const args = ["--conditions=react-server", "--no-warnings", "--import", "tsx", script, JSON.stringify(question)];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      try {
        if (code === 0) return resolve(JSON.parse(last) as Answer);
      } catch {
        // Not JSON: reported below with everything the process wrote.
      }
      reject(new Error(`${script} exited with ${code}: ${stderr || stdout}`));
    });
  });
}
