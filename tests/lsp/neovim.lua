-- Run by tests/lsp_neovim.rs: Neovim's own LSP client (headless) opens a
-- workspace file with mizan lsp attached, asks for a hover, then types a
-- mistake (unsaved) and waits for its diagnostic, and writes what it got
-- to $OUT, one fact a line. Works with Neovim 0.7 and later.
local ws = os.getenv('WS')
local out = assert(io.open(os.getenv('OUT'), 'w'))
vim.cmd('edit ' .. ws .. '/corpus/kw/mappings/tip.yaml')
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'mizan',
  cmd = { os.getenv('MIZAN'), '--workspace', ws, 'lsp' },
  root_dir = ws,
})
vim.lsp.buf_attach_client(buf, client)
-- Neovim 0.7 sends no request before the server is initialized.
vim.wait(30000, function()
  local c = vim.lsp.get_client_by_id(client)
  return c ~= nil and c.initialized
end, 50)
-- A hover on the article id on line 8 (`articles: [/akn/...~art_1]`).
local line = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
local col = line:find('/akn/') + 4
local results = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 7, character = col },
}, 30000)
for _, r in pairs(results or {}) do
  if r.result then
    local first = r.result.contents.value:gsub('\n.*', '')
    out:write('hover ' .. first .. '\n')
  end
end
-- Type a mistake: a status that is not one (the buffer is not saved).
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i, l in ipairs(lines) do
  if l:find('status: partial', 1, true) then
    vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { (l:gsub('partial', 'partly')) })
    break
  end
end
local got = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
out:write('waited ' .. tostring(got) .. '\n')
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  out:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, code,
    (d.message:gsub('\n.*', ''))))
end
out:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
