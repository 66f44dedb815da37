// Next.js server code calling Kestra's API.
const KESTRA_URL = process.env.KESTRA_URL ?? "http://localhost:8080";

export async function listFlows(namespace: string) {
  const res = await fetch(`${KESTRA_URL}/api/v1/flows/search?namespace=${namespace}`);
  return res.json();
}

export async function health() {
  return fetch("http://localhost:8080/api/v1/executions/search?size=1");
}
