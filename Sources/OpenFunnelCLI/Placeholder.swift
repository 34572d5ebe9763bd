// The CLI lands here.
