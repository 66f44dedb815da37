import os

import httpx

client = httpx.Client(base_url=os.environ["KESTRA_URL"])


def run(namespace: str, flow_id: str):
    return client.post(f"/api/v1/main/executions/{namespace}/{flow_id}")


def latest():
    return client.get("/api/v1/main/executions/search")
