from hegao.app.cli import main

main()
