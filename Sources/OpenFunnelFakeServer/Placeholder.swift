// The fake server lands here.
