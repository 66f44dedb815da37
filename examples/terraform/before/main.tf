terraform {
  required_providers {
    kestra {
      source  = "kestra-io/kestra"
      version = "~> 0.22"
    }
  }
}

# The production instance.
provider "kestra" {
  url       = "https://kestra.example.com/api/v1"
  username  = var.kestra_user
  password  = var.kestra_password
  tenant_id = ""
}

/* The staging instance: { braces in comments } are skipped. */
provider "kestra" {
  alias     = "staging"
  url       = "https://kestra-staging.example.com"
  tenant_id = "staging"
}

resource "kestra_flow" "hello" {
  namespace = "company.team"
  flow_id   = "hello"
  content   = <<-EOT
    id: hello
    namespace: company.team
    tasks:
      - id: list
        type: io.kestra.plugin.core.http.Request
        uri: "http://kestra:8080/api/v1/flows/company.team"
  EOT
}
