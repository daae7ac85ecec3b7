import '../styles/h5.scss'
