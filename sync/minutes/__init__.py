"""Meeting minutes (复盘纪要): what the meeting saw, decided and followed up."""
