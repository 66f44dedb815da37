-- Run by lsp_neovim_test.cc: headless Neovim (0.7+) opens KL_FILE through
-- `KL_BIN lsp`, writes the diagnostics it received to KL_OUT as
-- "line:col:end_col:severity:code" (0-based line, byte columns, as Neovim
-- stores them), deletes the line of the first one and writes "after-edit:N"
-- with the number of diagnostics once the server has re-checked.
local out = {}
local function finish()
  vim.fn.writefile(out, os.getenv("KL_OUT"))
  vim.cmd("qa!")
end

local client_id = vim.lsp.start_client({
  name = "kestra-lint",
  cmd = { os.getenv("KL_BIN"), "lsp" },
  root_dir = os.getenv("KL_ROOT"),
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("KL_FILE")))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  table.insert(out, "timeout: no diagnostics")
  finish()
  return
end
local first = vim.diagnostic.get(buf)
table.sort(first, function(a, b) return a.lnum < b.lnum end)
for _, d in ipairs(first) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(out, string.format("%d:%d:%d:%d:%s", d.lnum, d.col, d.end_col, d.severity, code))
end

local before = #first
vim.api.nvim_buf_set_lines(buf, first[1].lnum, first[1].lnum + 1, false, {})
vim.wait(15000, function() return #vim.diagnostic.get(buf) < before end, 20)
table.insert(out, "after-edit:" .. #vim.diagnostic.get(buf))
finish()
