"""Math tasks: arithmetic, number theory, algebra, calculus."""
