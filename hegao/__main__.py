from hegao.checker.cli import main

main()
