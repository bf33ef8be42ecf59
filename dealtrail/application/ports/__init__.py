"""What the application asks of the outside world, as Protocols that infrastructure implements:
the read side's lists (`views`) and reports (`reports`), the API token store (`tokens`) and the
signer of command receipts (`receipts`). The web reaches them through the composition root, never
through their implementations."""
