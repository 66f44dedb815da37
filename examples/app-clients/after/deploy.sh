#!/bin/sh
# Deploys the flows to the local Kestra server.
set -eu
for flow in flows/*.yml; do
  curl -fsS -X POST http://localhost:8080/api/v1/main/flows/import -F "fileUpload=@$flow"
done
curl -fsS "$KESTRA_HOST/api/v1/main/executions/company.team/hello"
