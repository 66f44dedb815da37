package kestra

import (
	"fmt"
	"net/http"
)

func Trigger(kestraURL, namespace, flow string) (*http.Response, error) {
	url := fmt.Sprintf("%s/api/v1/executions/%s/%s", kestraURL, namespace, flow)
	return http.Post(url, "application/json", nil)
}
